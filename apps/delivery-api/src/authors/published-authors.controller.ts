import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { KalamError } from '@kalam/core';
import { pageWindow } from '@kalam/content';
import { authorView, LocaleDirectory, pickTranslation, PublishedReader } from '@kalam/delivery';
import { ErrorResponseDto } from '@kalam/platform';
import { PublishedAnswer } from '../published/published-answer';
import { AuthorPageDto, TagPageDto } from '../published/published-docs.dto';
import { EntityPageQueryDto } from '../published/published-query.dto';
import { cardPage } from '../published/surrogate-keys';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Author and tag pages: the record in the locale (or along its chain) and its published articles. */
@ApiTags('authors and tags')
@Controller(':locale')
export class PublishedAuthorsController {
  constructor(
    private readonly locales: LocaleDirectory,
    private readonly reader: PublishedReader,
    private readonly answer: PublishedAnswer,
  ) {}

  @Get('authors/:slug')
  @ApiOperation({ summary: 'An author in a locale, with their published articles', description: 'Name and bio in the locale or along its fallback chain.' })
  @ApiOkResponse({ type: AuthorPageDto })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match)' })
  @ApiResponse({ status: 400, type: ErrorResponseDto, description: 'Bad query parameters' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown locale or author' })
  async author(
    @Param('locale') code: string,
    @Param('slug') slug: string,
    @Query() query: EntityPageQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const locale = await this.locales.require(code);
    const author = await this.reader.authorBySlug(slug);
    if (!author) throw KalamError.notFound('published.author_not_found', { slug });
    const { order } = await this.locales.all();
    await this.sendPage(request, reply, locale.code, query, { kind: 'author', id: author.id, view: authorView(author, locale.chain, order) });
  }

  @Get('tags/:slug')
  @ApiOperation({
    summary: 'A tag in a locale, with its published articles',
    description: "The slug is the tag's in this locale; `?fallback=true` also accepts one along the chain.",
  })
  @ApiOkResponse({ type: TagPageDto })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match)' })
  @ApiResponse({ status: 400, type: ErrorResponseDto, description: 'Bad query parameters' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown locale or tag' })
  async tag(
    @Param('locale') code: string,
    @Param('slug') slug: string,
    @Query() query: EntityPageQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const locale = await this.locales.require(code);
    const tag = await this.reader.tagBySlug(slug, query.fallback === 'true' ? locale.chain : [locale.code]);
    if (!tag) throw KalamError.notFound('published.tag_not_found', { slug, locale: locale.code });
    const { order } = await this.locales.all();
    const named = pickTranslation(tag.translations, locale.chain, { anyOrder: order })!;
    await this.sendPage(request, reply, locale.code, query, { kind: 'tag', id: tag.id, view: { slug: named.slug, name: named.name, locale: named.locale } });
  }

  /** The entity in the locale, then a page of its published articles' cards; purged with the entity or the locale. */
  private async sendPage(
    request: FastifyRequest,
    reply: FastifyReply,
    locale: string,
    query: EntityPageQueryDto,
    entity: { kind: 'author' | 'tag'; id: string; view: object },
  ): Promise<void> {
    const { page, limit, offset } = pageWindow(query);
    const filter = entity.kind === 'author' ? { authorId: entity.id } : { tagId: entity.id };
    const { cards, total } = await this.reader.cards(locale, { limit, offset }, filter);
    this.answer.send(request, reply, {
      body: cardPage(cards, page, limit, total, `"${entity.kind}":${JSON.stringify(entity.view)},`),
      contentType: JSON_TYPE,
      surrogateKeys: [`${entity.kind}:${entity.id}`, `locale:${locale}`],
      locales: [locale],
      contentLanguage: locale,
    });
  }
}
