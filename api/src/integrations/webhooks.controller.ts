import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { WEBHOOK_EVENT_TYPES, type WebhookDeliveryStatus } from '@lc/shared';
import { Allow, ClientIp, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { AppError } from '../common/errors/app-error.js';
import { ParseIdPipe } from '../common/http/parse-id.pipe.js';
import { WebhookEndpointsService } from './endpoints.service.js';
import {
  CreateWebhookDto,
  RotatedSecretDto,
  TestEventDto,
  UpdateWebhookDto,
  WEBHOOK_EVENT_EXAMPLES,
  WebhookDeliveryDetailDto,
  WebhookDeliveryDto,
  WebhookEndpointCreatedDto,
  WebhookEndpointDto,
  WebhookEventBodyDto,
} from './webhooks.dto.js';

const DELIVERY_STATUSES = ['pending', 'retrying', 'succeeded', 'failed'] as const;

/** Owners manage; owners and managers (and API keys, with a manager's rights) read. */
function requireOwner(user: AuthUser): void {
  if (user.memberRole !== 'owner')
    throw AppError.forbidden('Only a dealer owner may change webhook endpoints');
}
function requireManager(user: AuthUser): void {
  if (user.memberRole !== 'owner' && user.memberRole !== 'manager') {
    throw AppError.forbidden('Only a dealer owner or manager may see webhook endpoints');
  }
}

/**
 * A dealer's webhook endpoints (API.md "Dealer integrations"). Deliveries follow Standard
 * Webhooks; see docs/integrations.md.
 */
@ApiTags('integrations')
@ApiBearerAuth()
@Allow('dealer')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  /** Every event type, with an example body a receiver gets. */
  @Get('event-types')
  @ApiExtraModels(WebhookEventBodyDto)
  @ApiOkResponse({
    description:
      'One example body per event type: what a receiver gets in a delivery (`POST <url>`, Standard Webhooks headers)',
    content: {
      'application/json': {
        schema: { type: 'array', items: { $ref: getSchemaPath(WebhookEventBodyDto) } },
        examples: WEBHOOK_EVENT_EXAMPLES,
      },
    },
  })
  eventTypes() {
    return WEBHOOK_EVENT_TYPES.map((t) => WEBHOOK_EVENT_EXAMPLES[t].value);
  }

  @Get()
  @ApiOkResponse({ type: [WebhookEndpointDto] })
  list(@CurrentUser() user: AuthUser) {
    requireManager(user);
    return this.endpoints.list(user);
  }

  @Post()
  @ApiCreatedResponse({ type: WebhookEndpointCreatedDto, description: 'The secret is shown only here' })
  @ApiBadRequestResponse({
    description: '700101 malformed URL, 700102 a refused target (private address, http in production)',
  })
  @ApiConflictResponse({ description: '700104 at most 10 endpoints' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateWebhookDto, @ClientIp() ip: string | null) {
    requireOwner(user);
    return this.endpoints.create(user, body, ip);
  }

  @Patch(':id')
  @ApiOkResponse({ type: WebhookEndpointDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Webhook endpoint')) id: string,
    @Body() body: UpdateWebhookDto,
    @ClientIp() ip: string | null,
  ) {
    requireOwner(user);
    return this.endpoints.update(user, id, body, ip);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Webhook endpoint')) id: string,
    @ClientIp() ip: string | null,
  ) {
    requireOwner(user);
    await this.endpoints.remove(user, id, ip);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOkResponse({ type: RotatedSecretDto })
  rotate(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Webhook endpoint')) id: string,
    @ClientIp() ip: string | null,
  ) {
    requireOwner(user);
    return this.endpoints.rotate(user, id, ip);
  }

  @Post(':id/test')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: TestEventDto,
    description: 'A `webhook.test` event queued for this endpoint only',
  })
  test(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe('Webhook endpoint')) id: string) {
    requireOwner(user);
    return this.endpoints.test(user, id);
  }

  @Get(':id/deliveries')
  @ApiQuery({ name: 'status', required: false, enum: DELIVERY_STATUSES })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiOkResponse({ type: [WebhookDeliveryDto], description: 'Newest first' })
  deliveries(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Webhook endpoint')) id: string,
    @Query('status') status?: string,
    @Query('limit') limit?: string,
  ) {
    requireManager(user);
    if (status !== undefined && !(DELIVERY_STATUSES as readonly string[]).includes(status)) {
      throw AppError.validation('status', `must be one of ${DELIVERY_STATUSES.join(', ')}`);
    }
    const n = limit === undefined ? undefined : Number(limit);
    if (n !== undefined && (!Number.isInteger(n) || n < 1 || n > 500)) {
      throw AppError.validation('limit', 'must be a whole number from 1 to 500');
    }
    return this.endpoints.deliveries(user, id, {
      status: status as WebhookDeliveryStatus | undefined,
      limit: n,
    });
  }

  @Get(':id/deliveries/:deliveryId')
  @ApiOkResponse({ type: WebhookDeliveryDetailDto })
  delivery(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Webhook endpoint')) id: string,
    @Param('deliveryId', new ParseIdPipe('Webhook delivery')) deliveryId: string,
  ) {
    requireManager(user);
    return this.endpoints.delivery(user, id, deliveryId);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'Queued now; the same event id (webhook-id) is sent again' })
  @ApiConflictResponse({ description: '700109 being sent right now' })
  async redeliver(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Webhook endpoint')) id: string,
    @Param('deliveryId', new ParseIdPipe('Webhook delivery')) deliveryId: string,
    @ClientIp() ip: string | null,
  ) {
    requireManager(user);
    await this.endpoints.redeliver(user, id, deliveryId, ip);
  }
}
