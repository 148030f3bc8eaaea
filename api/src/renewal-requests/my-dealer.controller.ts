import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { MyDealerView } from '@lc/shared';
import { Allow, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { rows } from '../common/database/database.js';
import { AppError } from '../common/errors/app-error.js';

export class MyDealerDto {
  @ApiProperty() companyName: string;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
}

/** The customer's own dealer: whom a renewal request goes to, and whom to call (issue 14). */
@ApiTags('renewal-requests')
@ApiBearerAuth()
@Controller('portal')
export class MyDealerController {
  constructor(private readonly ds: DataSource) {}

  @Allow('customer')
  @Get('dealer')
  @ApiOkResponse({ type: MyDealerDto })
  async dealer(@CurrentUser() user: AuthUser): Promise<MyDealerView> {
    const [d] = await rows<{ company_name: string; phone: string | null }>(
      this.ds.manager,
      `SELECT d.company_name, d.phone FROM customer c JOIN dealer d ON d.id = c.dealer_id WHERE c.id = $1`,
      [user.customerId],
    );
    if (!d) throw AppError.notFound('Dealer');
    return { companyName: d.company_name, phone: d.phone };
  }
}
