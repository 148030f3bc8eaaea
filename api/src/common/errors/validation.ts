import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ErrorCode } from '@lc/shared';
import { AppError } from './app-error.js';

interface Problem {
  field: string;
  problem: string;
  /** From the decorator's `context: {code}`, e.g. LOGIN_ID_INVALID; else the generic code. */
  code?: ErrorCode;
}

function firstProblem(errors: ValidationError[], prefix = ''): Problem | null {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints && Object.keys(e.constraints).length) {
      // Decorators run bottom-up, so the last constraint is the first declared (the type check).
      const keys = Object.keys(e.constraints);
      const key = keys[keys.length - 1];
      const msg = e.constraints[key];
      // class-validator messages start with the property name; keep the rest.
      const problem = msg.startsWith(e.property + ' ') ? msg.slice(e.property.length + 1) : msg;
      const code = (e.contexts?.[key] as { code?: ErrorCode } | undefined)?.code;
      return { field, problem, ...(code ? { code } : {}) };
    }
    if (e.children?.length) {
      const inner = firstProblem(e.children, field);
      if (inner) return inner;
    }
  }
  return null;
}

/** Global pipe: whitelist DTOs, refuse unknown fields, and name the field in the message. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const p: Problem = firstProblem(errors) ?? { field: 'body', problem: 'is invalid' };
      return p.code
        ? AppError.badRequest(p.code, `${p.field}: ${p.problem}`, { field: p.field })
        : AppError.validation(p.field, p.problem);
    },
  });
}
