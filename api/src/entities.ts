import { Customer, Dealer, Sku, User } from './accounts/entities.js';
import { AccountToken } from './accounts/account-token.entity.js';
import { PortalMessage } from './portal/portal-message.entity.js';

/** Every TypeORM entity; features add theirs here (passed to the database setup by AppModule, so `common/` imports no feature). */
export const ENTITIES = [Dealer, Customer, User, Sku, AccountToken, PortalMessage];
