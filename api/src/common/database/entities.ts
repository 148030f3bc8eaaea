import { Customer, Dealer, Sku, User } from '../../accounts/entities.js';

/** Every TypeORM entity; features add theirs here. */
export const ENTITIES = [Dealer, Customer, User, Sku];
