import { Module } from '@nestjs/common';
import { OperatorController } from './operator.controller.js';
import { OperatorService } from './operator.service.js';

/** Read models for the operator's home and dealer detail page. */
@Module({
  controllers: [OperatorController],
  providers: [OperatorService],
})
export class OperatorModule {}
