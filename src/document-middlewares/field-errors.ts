import { errors } from '@strapi/utils';

export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * Builds the 400 error for one or more invalid fields. The message lists every problem in full
 * sentences; `details.errors` carries the path of each field, as Strapi's own validation does.
 */
export function fieldValidationError(problems: FieldProblem[]) {
  const message = problems.map((problem) => problem.message).join(' ');
  return new errors.ValidationError(message, {
    errors: problems.map((problem) => ({
      path: problem.path.split('.'),
      message: problem.message,
      name: 'ValidationError',
    })),
  });
}
