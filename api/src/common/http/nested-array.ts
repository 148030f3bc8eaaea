import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';

/**
 * An optional array of at most `max` DTOs, each validated: the same as stacking `@IsOptional()`,
 * `@IsArray()`, `@ArrayMaxSize(max)`, `@ValidateNested({ each: true })`, `@Type(type)` in that
 * order (listed here bottom-up, as stacked decorators apply, so the checks and their messages keep
 * their order). The OpenAPI description stays with `@ApiPropertyOptional`.
 */
export function OptionalNestedArray(type: () => new () => object, max: number): PropertyDecorator {
  return applyDecorators(
    Type(type),
    ValidateNested({ each: true }),
    ArrayMaxSize(max),
    IsArray(),
    IsOptional(),
  );
}
