import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { LICENSE_KINDS, SKU_CODE_PATTERN, SKU_LIMITS, type LicenseKind } from '@lc/shared';

const PRICE_MAX = SKU_LIMITS.priceMax;

export class LocalizedNameDto {
  @ApiProperty({ example: 'エッジ録画ライセンス 1年' })
  @IsString()
  @MinLength(1)
  @MaxLength(SKU_LIMITS.nameMax)
  ja: string;

  @ApiProperty({ example: 'Edge recording license, 1 year' })
  @IsString()
  @MinLength(1)
  @MaxLength(SKU_LIMITS.nameMax)
  en: string;
}

export class SkuPricesDto {
  @ApiProperty({ description: 'Primary-dealer price, integer yen', example: 9000 })
  @IsInt()
  @Min(0)
  @Max(PRICE_MAX)
  primary: number;

  @ApiProperty({ description: 'Secondary-dealer price, integer yen', example: 10800 })
  @IsInt()
  @Min(0)
  @Max(PRICE_MAX)
  secondary: number;

  @ApiProperty({ description: 'List price, integer yen', example: 12000 })
  @IsInt()
  @Min(0)
  @Max(PRICE_MAX)
  list: number;
}

export class CreateSkuDto {
  @ApiProperty({ description: '2–40 characters of A-Z a-z 0-9 _ -', example: 'EDGE-12M' })
  @IsString()
  @Matches(SKU_CODE_PATTERN, { message: 'code must be 2–40 characters of A-Z a-z 0-9 _ -' })
  code: string;

  @ApiProperty({ type: LocalizedNameDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedNameDto)
  name: LocalizedNameDto;

  @ApiProperty({ enum: LICENSE_KINDS })
  @IsIn(LICENSE_KINDS)
  kind: LicenseKind;

  @ApiProperty({ minimum: 1, maximum: SKU_LIMITS.termMonthsMax, example: 12 })
  @IsInt()
  @Min(1)
  @Max(SKU_LIMITS.termMonthsMax)
  termMonths: number;

  @ApiProperty({ type: SkuPricesDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SkuPricesDto)
  prices: SkuPricesDto;
}

export class UpdateSkuPricesDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(PRICE_MAX) primary?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(PRICE_MAX) secondary?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(PRICE_MAX) list?: number;
}

export class UpdateSkuDto {
  @ApiPropertyOptional({ type: LocalizedNameDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedNameDto)
  name?: LocalizedNameDto;

  @ApiPropertyOptional({ type: UpdateSkuPricesDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => UpdateSkuPricesDto)
  prices?: UpdateSkuPricesDto;

  @ApiPropertyOptional({
    description: 'Inactive SKUs cannot be ordered; stock of them can still be assigned',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class SkuNameView {
  @ApiProperty() ja: string;
  @ApiProperty() en: string;
}

export class SkuPricesView {
  @ApiPropertyOptional({ description: 'Hidden from secondary dealers' }) primary?: number;
  @ApiProperty() secondary: number;
  @ApiProperty() list: number;
}

export class SkuViewDto {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty({ type: SkuNameView }) name: SkuNameView;
  @ApiProperty({ enum: LICENSE_KINDS }) kind: LicenseKind;
  @ApiProperty() termMonths: number;
  @ApiProperty({ type: SkuPricesView }) prices: SkuPricesView;
  @ApiPropertyOptional({ description: 'What the calling dealer pays per license' }) unitPrice?: number;
  @ApiProperty() active: boolean;
}
