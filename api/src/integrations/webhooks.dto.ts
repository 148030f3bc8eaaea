import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { API_KEY_NAME_MAX, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@lc/shared';
import { Trim } from '../accounts/validators.js';

export class CreateWebhookDto {
  @ApiProperty({
    description: 'Where events are POSTed. Production: https to a public address only.',
    example: 'https://crm.example.com/hooks/license-console',
  })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, example: ['license.expiring', 'camera.lapsed'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events: WebhookEventType[];
}

export class UpdateWebhookDto {
  @ApiPropertyOptional({ description: 'A new target URL' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events?: WebhookEventType[];

  @ApiPropertyOptional({
    description: 'false disables the endpoint (nothing is sent; events still queue), true enables it',
  })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class WebhookEndpointDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) events: string[];
  @ApiProperty({ enum: ['enabled', 'disabled'] }) status: string;
  @ApiProperty({ enum: ['manual', 'failing'], nullable: true, type: String }) disabledReason: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) failingSince: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Until then the previous secret signs too',
  })
  previousSecretExpiresAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class WebhookEndpointCreatedDto extends WebhookEndpointDto {
  @ApiProperty({
    description: 'whsec_… — shown only in this answer',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })
  secret: string;
}

export class RotatedSecretDto {
  @ApiProperty({ description: 'The new secret (shown only here); the previous one also signs for 24 hours' })
  secret: string;
  @ApiProperty({ format: 'date-time' }) previousSecretExpiresAt: string;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The event id: the body `id` and the `webhook-id` header' })
  eventId: string;
  @ApiProperty() type: string;
  @ApiProperty({ enum: ['pending', 'retrying', 'succeeded', 'failed'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: Number }) lastStatusCode: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'First 1000 characters of the last answer' })
  lastResponseExcerpt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastAttemptAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) nextAttemptAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class WebhookAttemptDto {
  @ApiProperty() attempt: number;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ nullable: true, type: Number }) statusCode: number | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty({ nullable: true, type: String }) responseExcerpt: string | null;
  @ApiProperty() durationMs: number;
}

export class WebhookEventBodyDto {
  @ApiProperty({
    format: 'uuid',
    description: 'Stable event id; also the `webhook-id` header, the same on every attempt',
  })
  id: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES }) type: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
}

export class WebhookDeliveryDetailDto extends WebhookDeliveryDto {
  @ApiProperty({ type: WebhookEventBodyDto }) body: WebhookEventBodyDto;
  @ApiProperty({ type: [WebhookAttemptDto] }) attemptLog: WebhookAttemptDto[];
}

export class TestEventDto {
  @ApiProperty({ format: 'uuid' }) deliveryId: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
}

export class CreateApiKeyDto {
  @ApiProperty({ description: 'What the key is for (1–64 characters)', example: 'CRM sync' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(API_KEY_NAME_MAX)
  name: string;
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'First characters of the key, to tell keys apart' }) prefix: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastUsedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt: string | null;
}

export class ApiKeyCreatedDto extends ApiKeyDto {
  @ApiProperty({
    description: 'Shown only in this answer; send it as `Authorization: Bearer <key>`',
    example: 'lck_…',
  })
  key: string;
}

const ID = '0b8f8e39-5c1e-4cb3-9d5e-3f1f0f6b2a11';
const CUSTOMER = 'a3c0d9a4-2f4e-4d7b-8d53-6c1b7c0e9f01';
const LICENSE = 'c7a3e5b2-9f10-4a55-8e1c-5a2b3c4d5e6f';
const CAMERA = 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b';
const DEVICE = 'f0e1d2c3-b4a5-4697-8877-665544332211';
const at = '2027-12-01T01:00:00.000Z';
const ev = (type: WebhookEventType, data: Record<string, unknown>) => ({
  summary: type,
  value: { id: ID, type, createdAt: at, data },
});

/** One example body per event type (OpenAPI `GET /api/webhooks/event-types` documents them). */
export const WEBHOOK_EVENT_EXAMPLES: Record<WebhookEventType, { summary: string; value: unknown }> = {
  'customer.created': ev('customer.created', {
    customerId: CUSTOMER,
    name: 'Sakura Store',
    email: 'owner@sakura.example',
    language: 'ja',
    timeZone: 'Asia/Tokyo',
    createdAt: at,
  }),
  'license.assigned': ev('license.assigned', {
    assignmentId: ID,
    customerId: CUSTOMER,
    skuCode: 'EDGE-12M',
    kind: 'edge',
    quantity: 1,
    assignedAt: at,
    freeUntil: '2028-01-31T14:59:59.999Z',
    endsAt: '2029-01-31T14:59:59.999Z',
    licenseIds: [LICENSE],
  }),
  'license.bound': ev('license.bound', {
    licenseId: LICENSE,
    customerId: CUSTOMER,
    cameraId: CAMERA,
    deviceId: DEVICE,
    skuCode: 'EDGE-12M',
    kind: 'edge',
    assignedAt: at,
    endsAt: '2029-01-31T14:59:59.999Z',
  }),
  'license.expiring': ev('license.expiring', {
    licenseId: LICENSE,
    customerId: CUSTOMER,
    cameraId: CAMERA,
    skuCode: 'EDGE-12M',
    kind: 'edge',
    state: 'bound',
    endsAt: '2027-12-31T14:59:59.999Z',
    threshold: '30d',
    daysLeft: 30,
  }),
  'license.expired': ev('license.expired', {
    licenseId: LICENSE,
    customerId: CUSTOMER,
    cameraId: CAMERA,
    deviceId: DEVICE,
    skuCode: 'EDGE-12M',
    kind: 'edge',
    assignedAt: '2026-11-22T01:00:00.000Z',
    endsAt: '2027-12-31T14:59:59.999Z',
  }),
  'camera.lapsed': ev('camera.lapsed', {
    cameraId: CAMERA,
    deviceId: DEVICE,
    customerId: CUSTOMER,
    licenseId: LICENSE,
    lapsedAt: '2027-12-31T14:59:59.999Z',
  }),
  'order.updated': ev('order.updated', {
    orderId: ID,
    number: 1042,
    status: 'confirmed',
    role: 'buyer',
    buyerDealerId: '5d4c3b2a-1f0e-4d9c-8b7a-695847362514',
    supplierDealerId: null,
    subtotal: 120000,
    tax: 12000,
    total: 132000,
    amountPaid: 0,
    updatedAt: at,
  }),
  'invoice.issued': ev('invoice.issued', {
    invoiceId: ID,
    number: 17,
    orderId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
    role: 'buyer',
    issuerName: 'License Console Operator',
    buyerName: 'Demo Dealer K.K.',
    issuedAt: at,
    dueAt: '2027-12-31T01:00:00.000Z',
    subtotal: 120000,
    tax: 12000,
    total: 132000,
  }),
  'device.anomaly': ev('device.anomaly', {
    incidentId: ID,
    deviceId: DEVICE,
    customerId: CUSTOMER,
    kind: 'communication_error',
    serial: 'REC-0001',
    model: 'NVR-8',
    deviceName: 'Front shop recorder',
    openedAt: at,
  }),
};
