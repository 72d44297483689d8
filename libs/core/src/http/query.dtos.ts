import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';

/** Query shapes every report and queue shares: a period of business dates, and paging. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '$property must be a date as YYYY-MM-DD';

/** A period of business dates (Europe/London), both ends inclusive. */
export class PeriodQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  to?: string;
}

/**
 * Paging as every list takes it: `page` from 1, `pageSize` up to `maxSize` (default
 * `defaultSize`). A class factory, so each list keeps its own limits and still extends one
 * shape (`class AuditQueryDto extends PageQuery(50, 200) { … }`).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- TypeScript's mixin pattern requires `...args: any[]` constructors */
export function PageQuery<Base extends new (...args: any[]) => object = new () => object>(defaultSize = 25, maxSize = 100, base?: Base) {
  const Parent = (base ?? class {}) as new (...args: any[]) => object;
  class Paged extends Parent {
    @ApiPropertyOptional({ default: 1, minimum: 1 })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(10_000)
    page: number = 1;

    @ApiPropertyOptional({ default: defaultSize, minimum: 1, maximum: maxSize })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(maxSize)
    pageSize: number = defaultSize;
  }
  return Paged as unknown as new (...args: any[]) => InstanceType<Base> & { page: number; pageSize: number };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** A period of business dates and paging. */
export class PagedPeriodQueryDto extends PageQuery(25, 100, PeriodQueryDto) {}
