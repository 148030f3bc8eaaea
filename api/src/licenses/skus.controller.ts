import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentUser, type AuthUser } from '../common/auth/decorators.js';
import { CreateSkuDto, SkuViewDto, UpdateSkuDto } from './dto/sku.dto.js';
import { SkusService } from './skus.service.js';

@ApiTags('licenses')
@ApiBearerAuth()
@Controller('skus')
export class SkusController {
  constructor(private readonly skus: SkusService) {}

  @Allow('operator', 'dealer')
  @Get()
  @ApiOkResponse({ type: SkuViewDto, isArray: true, description: 'Dealers see active SKUs only' })
  list(@CurrentUser() user: AuthUser) {
    return this.skus.list(user);
  }

  @Allow('operator')
  @Post()
  @ApiCreatedResponse({ type: SkuViewDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateSkuDto) {
    return this.skus.create(user, body);
  }

  @Allow('operator')
  @Patch(':code')
  @ApiOkResponse({ type: SkuViewDto, description: 'Prices, names and whether it can be ordered' })
  update(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: UpdateSkuDto) {
    return this.skus.update(user, code, body);
  }
}
