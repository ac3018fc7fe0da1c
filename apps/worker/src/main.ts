import 'reflect-metadata';
import { runMain } from '@kalam/core';
import { startWorker } from './bootstrap';

runMain('worker', startWorker);
