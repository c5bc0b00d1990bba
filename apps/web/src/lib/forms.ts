import type { TFunction } from 'i18next';
import { errorMessageOf, fieldErrorsOf } from './api-client';

interface FormWithErrors {
  setErrors: (errors: Record<string, string>) => void;
  getValues: () => object;
}

/**
 * Puts the server's field errors on the matching inputs.
 * Returns the message to show above the form, or null when every error found its input.
 */
export function applyServerErrors(form: FormWithErrors, error: unknown, t: TFunction): string | null {
  const fields = fieldErrorsOf(error, t);
  const known = Object.keys(form.getValues());
  const onInputs = Object.fromEntries(Object.entries(fields).filter(([field]) => known.includes(field)));
  form.setErrors(onInputs);
  const unplaced = Object.keys(fields).length > Object.keys(onInputs).length;
  return Object.keys(onInputs).length === 0 || unplaced ? errorMessageOf(error, t) : null;
}
