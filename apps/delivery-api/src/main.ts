import 'reflect-metadata';
import { runMain } from '@kalam/core';
import { startDeliveryApi } from './bootstrap';

runMain('delivery-api', startDeliveryApi);
