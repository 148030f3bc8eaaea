import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { ParseIdPipe } from '../common/http/parse-id.pipe.js';
import { idempotencyKey } from '../common/idempotency/idempotency.js';
import {
  CreateOrderDto,
  InvoiceOrderDto,
  OrderPageDto,
  OrderQueryDto,
  OrderViewDto,
  PayOrderDto,
} from './dto/order.dto.js';
import { OrderFulfilmentService } from './order-fulfilment.service.js';
import { OrderInvoicingService } from './order-invoicing.service.js';
import { OrderWorkflowService } from './order-workflow.service.js';
import { OrdersService } from './orders.service.js';

const OrderId = new ParseIdPipe('Order');

@ApiTags('billing')
@ApiBearerAuth()
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly workflow: OrderWorkflowService,
    private readonly invoicing: OrderInvoicingService,
    private readonly fulfilment: OrderFulfilmentService,
  ) {}

  @Allow('dealer')
  @Post()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Same key and body → the same order (200); same key, other body → 409 IDEMPOTENCY_KEY_REUSED',
  })
  @ApiCreatedResponse({ type: OrderViewDto, description: 'status "submitted"; 200 when a key replays' })
  async create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateOrderDto,
    @Headers('idempotency-key') rawKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { created, order } = await this.orders.create(user, body, idempotencyKey(rawKey));
    if (!created) res.status(200);
    return order;
  }

  @Allow('dealer', 'operator')
  @Get()
  @ApiOkResponse({ type: OrderPageDto })
  list(@CurrentUser() user: AuthUser, @Query() q: OrderQueryDto) {
    return this.orders.list(user, q);
  }

  @Allow('dealer', 'operator')
  @Get(':id')
  @ApiOkResponse({ type: OrderViewDto })
  get(@CurrentUser() user: AuthUser, @Param('id', OrderId) id: string) {
    return this.orders.get(user, id);
  }

  @Allow('dealer', 'operator')
  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: OrderViewDto, description: 'The supplier confirms a submitted order' })
  @ApiConflictResponse({ description: 'ORDER_TRANSITION' })
  confirm(@CurrentUser() user: AuthUser, @Param('id', OrderId) id: string) {
    return this.workflow.confirm(user, id);
  }

  @Allow('dealer', 'operator')
  @Post(':id/invoice')
  @HttpCode(200)
  @ApiOkResponse({ type: OrderViewDto, description: 'The supplier issues the invoice of a confirmed order' })
  @ApiConflictResponse({ description: 'ORDER_TRANSITION' })
  invoice(@CurrentUser() user: AuthUser, @Param('id', OrderId) id: string, @Body() body: InvoiceOrderDto) {
    return this.invoicing.invoice(user, id, body ?? {});
  }

  @Allow('dealer', 'operator')
  @Post(':id/pay')
  @HttpCode(200)
  @ApiOkResponse({
    type: OrderViewDto,
    description: 'The supplier records a payment; paid in full → fulfilled (stock added to the buyer)',
  })
  @ApiConflictResponse({
    description: 'ORDER_TRANSITION, PAYMENT_EXCEEDS_DUE, STOCK_SHORT (nothing recorded)',
  })
  pay(@CurrentUser() user: AuthUser, @Param('id', OrderId) id: string, @Body() body: PayOrderDto) {
    return this.fulfilment.pay(user, id, body ?? {});
  }

  @Allow('dealer', 'operator')
  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({
    type: OrderViewDto,
    description: 'The supplier cancels before fulfilment (no payments yet); the buyer while submitted',
  })
  @ApiConflictResponse({ description: 'ORDER_TRANSITION' })
  cancel(@CurrentUser() user: AuthUser, @Param('id', OrderId) id: string) {
    return this.workflow.cancel(user, id);
  }
}
