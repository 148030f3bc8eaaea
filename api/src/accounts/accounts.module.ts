import { Module } from '@nestjs/common';
import { AccountTokens } from './account-tokens.service.js';

/** What dealers, customers and auth share: the e-mailed one-time tokens. */
@Module({ providers: [AccountTokens], exports: [AccountTokens] })
export class AccountsModule {}
