import { ApiProperty } from '@nestjs/swagger';
import { ORDER_STATUSES } from '@lc/shared';
import { StockItemDto } from '../../licenses/dto/assignment.dto.js';

class MonthCountDto {
  @ApiProperty({ example: '2027-12', description: 'YYYY-MM in Asia/Tokyo' }) month: string;
  @ApiProperty() count: number;
}

class RecentAssignmentDto {
  @ApiProperty() id: string;
  @ApiProperty() customerId: string;
  @ApiProperty() customerName: string;
  @ApiProperty() skuCode: string;
  @ApiProperty() quantity: number;
  @ApiProperty() assignedAt: string;
  @ApiProperty() endsAt: string;
}

class OpenOrderDto {
  @ApiProperty() id: string;
  @ApiProperty() number: number;
  @ApiProperty({ enum: ORDER_STATUSES }) status: string;
  @ApiProperty({ enum: ['buyer', 'supplier'] }) role: string;
  @ApiProperty({ description: 'The supplier (for role buyer) or the buying secondary dealer' })
  counterparty: string;
  @ApiProperty() total: number;
  @ApiProperty() createdAt: string;
}

class DashboardInvoiceDto {
  @ApiProperty() id: string;
  @ApiProperty() invoiceNumber: string;
  @ApiProperty() counterparty: string;
  @ApiProperty() total: number;
  @ApiProperty() amountDue: number;
  @ApiProperty() dueAt: string;
  @ApiProperty({ enum: ['unpaid', 'partially_paid', 'overdue'] }) status: string;
}

export class DashboardDto {
  @ApiProperty({ type: StockItemDto, isArray: true }) stock: StockItemDto[];
  @ApiProperty({
    type: MonthCountDto,
    isArray: true,
    description: "Valid licenses of the dealer's customers by month of endsAt: this month and the next 11",
  })
  endingByMonth: MonthCountDto[];
  @ApiProperty({ type: RecentAssignmentDto, isArray: true, description: 'The latest 10' })
  recentAssignments: RecentAssignmentDto[];
  @ApiProperty({ type: OpenOrderDto, isArray: true, description: 'Submitted, confirmed or invoiced' })
  openOrders: OpenOrderDto[];
  @ApiProperty({ type: DashboardInvoiceDto, isArray: true, description: 'Invoices the dealer still owes' })
  unpaidInvoices: DashboardInvoiceDto[];
  @ApiProperty({
    type: DashboardInvoiceDto,
    isArray: true,
    description: 'Invoices the dealer issued to its secondary dealers, still unpaid',
  })
  receivables: DashboardInvoiceDto[];
}
