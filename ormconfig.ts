import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './src/platform/config';
import { dataSourceOptions } from './src/db/data-source';
import { MAPPED_ENTITIES } from './src/modules/entities';

/** The DataSource for the typeorm CLI (`npx typeorm-ts-node-commonjs -d ormconfig.ts migration:run`). */
export default new DataSource(dataSourceOptions(loadConfig().databaseUrl, MAPPED_ENTITIES));
