import * as grpc from '@grpc/grpc-js';
import { createRequire } from 'node:module';
import { config } from '../shared/config.mjs';

const require = createRequire(import.meta.url);
const protoLoader = require('@grpc/proto-loader');
const def = protoLoader.loadSync(new URL('../../proto/cellar/v1/recipes.proto', import.meta.url).pathname, { defaults: true });
const { RecipeBook } = grpc.loadPackageDefinition(def).cellar.v1;
const client = new RecipeBook(config.recipeBookAddr, grpc.credentials.createInsecure());

// Recipe pages are cheap; 10 s is plenty even when the catalogue is cold.
export function searchPage(req) {
  return new Promise((resolve, reject) => {
    client.search(req, { deadline: Date.now() + 10_000 }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}
