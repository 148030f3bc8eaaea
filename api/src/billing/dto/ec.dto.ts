import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OrderLineDto } from './order.dto.js';

export class EcWebhookDto {
  @ApiProperty({ description: 'The buying dealer (its login ID): the licenses go into its stock' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  dealerLoginId: string;

  @ApiProperty({ description: "The shop's order id: a second delivery of it adds nothing" })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  shopOrderId: string;

  @ApiProperty({ example: 'paid', description: 'Only "paid" adds stock; other statuses are acknowledged' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  status: string;

  @ApiProperty({ type: OrderLineDto, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => OrderLineDto)
  lines: OrderLineDto[];
}

export class EcWebhookResultDto {
  @ApiProperty() received: boolean;
  @ApiProperty({ description: 'This shop order id was already received: nothing added' }) duplicate: boolean;
  @ApiPropertyOptional({ description: 'Not a paid order: nothing added' }) ignored?: boolean;
  @ApiPropertyOptional() ecOrderId?: string;
  @ApiPropertyOptional({ description: 'The purchase order (fulfilled, with its paid invoice) behind it' })
  orderId?: string;
  @ApiProperty({ description: 'Licenses added to stock by this delivery' }) minted: number;
}

export class EcSiteDto {
  @ApiProperty() url: string;
  @ApiProperty({ description: 'The signed-in user dismissed the EC-site dialog' }) dismissed: boolean;
}

export class EcDismissDto {
  @ApiProperty({ description: 'true: do not show the dialog again; false: show it again' })
  @IsBoolean()
  dismissed: boolean;
}
