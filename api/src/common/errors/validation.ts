import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppError } from './app-error.js';

function firstProblem(errors: ValidationError[], prefix = ''): { field: string; problem: string } | null {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints && Object.keys(e.constraints).length) {
      // Decorators run bottom-up, so the last constraint is the first declared (the type check).
      const all = Object.values(e.constraints);
      const msg = all[all.length - 1];
      // class-validator messages start with the property name; keep the rest.
      const problem = msg.startsWith(e.property + ' ') ? msg.slice(e.property.length + 1) : msg;
      return { field, problem };
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
      const p = firstProblem(errors) ?? { field: 'body', problem: 'is invalid' };
      return AppError.validation(p.field, p.problem);
    },
  });
}
