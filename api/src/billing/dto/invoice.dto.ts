import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches, ValidateIf } from 'class-validator';
import { INVOICE_STATUSES, type InvoiceStatus } from '@lc/shared';
import { PageQueryDto } from '../../common/http/page-query.dto.js';

const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export class InvoiceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INVOICE_STATUSES })
  @IsOptional()
  @IsIn(INVOICE_STATUSES)
  status?: InvoiceStatus;

  @ApiPropertyOptional({ enum: ['issuer', 'buyer'], description: 'issuer: invoices the caller issued' })
  @IsOptional()
  @IsIn(['issuer', 'buyer'])
  role?: 'issuer' | 'buyer';

  @ApiPropertyOptional({ description: 'Issued at or after (instant, or a date in Asia/Tokyo)' })
  @IsOptional()
  @Matches(DATE_OR_INSTANT, { message: 'from must be an ISO-8601 date or instant' })
  from?: string;

  @ApiPropertyOptional({ description: 'Issued before (instant), or through that date (Asia/Tokyo)' })
  @IsOptional()
  @Matches(DATE_OR_INSTANT, { message: 'to must be an ISO-8601 date or instant' })
  to?: string;
}

export class PrintQueryDto {
  @ApiPropertyOptional({ enum: ['ja', 'en'], default: 'ja' })
  @IsOptional()
  @IsIn(['ja', 'en'])
  lang?: 'ja' | 'en';
}

export class InvoiceRegistrationDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Qualified-invoice registration number: T and 13 digits; null removes it',
    example: 'T1234567890123',
  })
  @ValidateIf((o: InvoiceRegistrationDto) => o.registrationNumber !== null)
  @Matches(/^T[0-9]{13}$/, { message: 'registrationNumber must be T followed by 13 digits' })
  registrationNumber: string | null;
}

class TaxLineDto {
  @ApiProperty() rate: number;
  @ApiProperty() taxable: number;
  @ApiProperty() tax: number;
}

class NameDto {
  @ApiProperty() ja: string;
  @ApiProperty() en: string;
}

class InvoiceLineDto {
  @ApiProperty() lineNo: number;
  @ApiProperty() skuCode: string;
  @ApiProperty({ description: 'As printed (Japanese)' }) description: string;
  @ApiProperty({ type: NameDto }) name: NameDto;
  @ApiProperty() quantity: number;
  @ApiProperty() unitPrice: number;
  @ApiProperty() amount: number;
  @ApiProperty() taxRate: number;
}

class PaymentDto {
  @ApiProperty() id: string;
  @ApiProperty() amount: number;
  @ApiProperty() paidAt: string;
}

class IssuerDto {
  @ApiProperty({ nullable: true, type: String, description: 'null: the operator' }) dealerId: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) registrationNumber: string | null;
}

class BuyerDto {
  @ApiProperty() id: string;
  @ApiProperty() loginId: string;
  @ApiProperty() companyName: string;
}

export class InvoiceViewDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'Sequential per issuer, without gaps' }) number: number;
  @ApiProperty({ example: 'OP-000042' }) invoiceNumber: string;
  @ApiProperty() orderId: string;
  @ApiProperty() orderNumber: number;
  @ApiProperty({ type: IssuerDto }) issuer: IssuerDto;
  @ApiProperty({ type: BuyerDto }) buyer: BuyerDto;
  @ApiProperty() issuedAt: string;
  @ApiProperty() dueAt: string;
  @ApiProperty({ type: InvoiceLineDto, isArray: true }) lines: InvoiceLineDto[];
  @ApiProperty() subtotal: number;
  @ApiProperty({ type: TaxLineDto, isArray: true }) taxes: TaxLineDto[];
  @ApiProperty() tax: number;
  @ApiProperty() total: number;
  @ApiProperty() amountPaid: number;
  @ApiProperty() amountDue: number;
  @ApiProperty({ enum: INVOICE_STATUSES }) status: string;
  @ApiProperty({ type: PaymentDto, isArray: true }) payments: PaymentDto[];
}

export class InvoicePageDto {
  @ApiProperty({ type: InvoiceViewDto, isArray: true }) items: InvoiceViewDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
