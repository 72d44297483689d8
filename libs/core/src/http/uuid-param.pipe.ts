import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { isUuid } from '../ids';
import { RequestValidationError } from './validation';

/** A path parameter that must be a UUID; a bad one is a 400 naming the parameter. */
@Injectable()
export class UuidParam implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isUuid(value)) {
      const field = metadata.data ?? 'id';
      throw new RequestValidationError([{ field, messages: [`${field} must be a UUID`] }]);
    }
    return value.toLowerCase();
  }
}
