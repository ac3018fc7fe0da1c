import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pageWindow } from '@kalam/content';
import { LocaleDirectory, MATCH_END, MATCH_START, PublishedReader } from '@kalam/delivery';
import { ErrorResponseDto } from '@kalam/platform';
import { PublishedAnswer } from '../published/published-answer';
import { SearchPageDto } from '../published/published-docs.dto';
import { SearchQueryDto } from './search-query.dto';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The snippet as safe HTML: the text escaped, the matches (marked by ts_headline) in <mark>. */
export function snippetHtml(snippet: string): string {
  return snippet
    .replace(/[&<>"']/g, (c) => ESCAPES[c])
    .split(MATCH_START)
    .join('<mark>')
    .split(MATCH_END)
    .join('</mark>');
}

@ApiTags('search')
@Controller(':locale/search')
export class PublishedSearchController {
  constructor(
    private readonly locales: LocaleDirectory,
    private readonly reader: PublishedReader,
    private readonly answer: PublishedAnswer,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Full-text search of published articles in a locale',
    description:
      "In the locale's own language rules (stemming, Turkish casing and suffixes, ё = е); title counts over summary over body; best first, with snippets.",
  })
  @ApiOkResponse({ type: SearchPageDto })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match)' })
  @ApiResponse({ status: 400, type: ErrorResponseDto, description: 'Missing or bad q, bad page parameters' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown locale' })
  async search(@Param('locale') code: string, @Query() query: SearchQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const locale = await this.locales.require(code);
    const { page, limit, offset } = pageWindow(query);
    const { hits, total } = await this.reader.search(locale.code, locale.textSearchConfig, query.q, { limit, offset });
    const items = hits.map((hit) => `${hit.card.slice(0, -1)},"snippet":${JSON.stringify(snippetHtml(hit.snippet))},"rank":${Number(hit.rank.toFixed(6))}}`);
    this.answer.send(request, reply, {
      body: `{"items":[${items.join(',')}],"page":${page},"limit":${limit},"total":${total}}`,
      contentType: 'application/json; charset=utf-8',
      surrogateKeys: [`locale:${locale.code}`, `search:${locale.code}`],
      locales: [locale.code],
      contentLanguage: locale.code,
    });
  }
}
