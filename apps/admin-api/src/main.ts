import 'reflect-metadata';
import { runMain } from '@kalam/core';
import { startAdminApi } from './bootstrap';

runMain('admin-api', startAdminApi);
