import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { KalamError } from '@kalam/core';
import { pageWindow } from '@kalam/content';
import { LocaleDirectory, PublishedReader } from '@kalam/delivery';
import { ErrorResponseDto } from '@kalam/platform';
import { ArticleDocumentDto, ArticlePageDto } from '../published/published-docs.dto';
import { PublishedAnswer } from '../published/published-answer';
import { ArticleListQueryDto, ArticleQueryDto } from '../published/published-query.dto';
import { cardPage, documentKeys } from '../published/surrogate-keys';
import { ArticlePreview } from '../preview/article-preview';
import { PreviewAccess } from '../preview/preview-access';

const JSON_TYPE = 'application/json; charset=utf-8';

@ApiTags('articles')
@ApiExtraModels(ErrorResponseDto)
@Controller(':locale/articles')
export class PublishedArticlesController {
  constructor(
    private readonly locales: LocaleDirectory,
    private readonly reader: PublishedReader,
    private readonly answer: PublishedAnswer,
    private readonly previewAccess: PreviewAccess,
    private readonly preview: ArticlePreview,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Published articles in a locale, newest first', description: 'Filter by tag or author slug; paginated.' })
  @ApiOkResponse({ type: ArticlePageDto })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match)' })
  @ApiResponse({ status: 400, type: ErrorResponseDto, description: 'Bad query parameters' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown or disabled locale' })
  async list(@Param('locale') code: string, @Query() query: ArticleListQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const locale = await this.locales.require(code);
    const { page, limit, offset } = pageWindow(query);
    const filter: { authorId?: string; tagId?: string } = {};
    const keys = [`locale:${locale.code}`, `articles:${locale.code}`];
    if (query.author) {
      const author = await this.reader.authorBySlug(query.author);
      filter.authorId = author?.id ?? '00000000-0000-0000-0000-000000000000';
      if (author) keys.push(`author:${author.id}`);
    }
    if (query.tag) {
      const tag = await this.reader.tagBySlug(query.tag, locale.chain);
      filter.tagId = tag?.id ?? '00000000-0000-0000-0000-000000000000';
      if (tag) keys.push(`tag:${tag.id}`);
    }
    const { cards, total } = await this.reader.cards(locale.code, { limit, offset }, filter);
    this.answer.send(request, reply, { body: cardPage(cards, page, limit, total), contentType: JSON_TYPE, surrogateKeys: keys, locales: [locale.code] });
  }

  @Get(':slug')
  @ApiOperation({
    summary: 'One published article by its slug',
    description:
      "With alternates (every published translation), byline bios, resolved footnotes, tags, hero image and related articles. An old slug answers 301 to the current one. `?fallback=true` follows the locale's fallback chain and says so (`Content-Language`, `fallbackFrom`). A preview token returns the working draft.",
  })
  @ApiOkResponse({ type: ArticleDocumentDto, headers: { ETag: { description: 'Strong validator', schema: { type: 'string' } } } })
  @ApiResponse({ status: 301, description: 'The slug was retired; Location names the current one' })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match)' })
  @ApiResponse({ status: 400, type: ErrorResponseDto, description: 'Bad query parameters' })
  @ApiResponse({ status: 401, type: ErrorResponseDto, description: 'Preview token unknown, expired or revoked' })
  @ApiResponse({ status: 403, type: ErrorResponseDto, description: 'The token given cannot preview' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown locale, or nothing published at that slug' })
  async bySlug(
    @Param('locale') code: string,
    @Param('slug') slug: string,
    @Query() query: ArticleQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const locale = await this.locales.require(code);
    const token = this.previewAccess.given(request, query);
    if (token !== undefined) {
      await this.previewAccess.require(token);
      const draft = await this.preview.render(locale.code, slug);
      if (!draft) throw KalamError.notFound('published.article_not_found', { slug, locale: locale.code });
      void reply
        .code(200)
        .headers({ 'content-type': JSON_TYPE, 'cache-control': 'private, no-store', 'content-language': draft.locale })
        .send(JSON.stringify(draft));
      return;
    }
    const doc = await this.reader.bySlug(locale.code, slug);
    if (doc) {
      const keys = documentKeys(doc);
      this.answer.send(request, reply, {
        body: doc.document,
        etag: doc.etag,
        contentType: JSON_TYPE,
        surrogateKeys: keys,
        locales: [locale.code],
        contentLanguage: locale.code,
      });
      return;
    }
    const renamed = await this.reader.renamed(locale.code, slug);
    if (renamed) return this.answer.redirect(request, reply, this.moved(request, locale.code, renamed), [locale.code], [`locale:${locale.code}`]);
    if (query.fallback === 'true') {
      const found = await this.reader.alongChain(locale.chain, slug);
      if (found?.locale === locale.code)
        return this.answer.redirect(request, reply, this.moved(request, locale.code, found.slug), [locale.code], documentKeys(found));
      if (found) {
        const body = JSON.stringify({ ...(JSON.parse(found.document) as object), fallbackFrom: locale.code });
        this.answer.send(request, reply, {
          body,
          contentType: JSON_TYPE,
          surrogateKeys: [...documentKeys(found), `locale:${locale.code}`],
          locales: [locale.code, found.locale],
          contentLanguage: found.locale,
        });
        return;
      }
    }
    throw KalamError.notFound('published.article_not_found', { slug, locale: locale.code });
  }

  /** The same request at the article's current slug, query kept. */
  private moved(request: FastifyRequest, locale: string, slug: string): string {
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    return `/v1/${encodeURIComponent(locale)}/articles/${encodeURIComponent(slug)}${query}`;
  }
}
