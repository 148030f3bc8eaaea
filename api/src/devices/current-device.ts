import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthDevice } from './credentials.js';

/** The device authenticated by `Authorization: Device <credential>` (see the global guard). */
export const CurrentDevice = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthDevice => {
  return ctx.switchToHttp().getRequest<{ device: AuthDevice }>().device;
});
