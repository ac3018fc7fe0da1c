import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Feed } from 'feed';
import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';
import { KalamError } from '@kalam/core';
import { articleUrl, deliveryConfig, LocaleDirectory, PublishedReader, type ArticleCard, type DeliveryConfig } from '@kalam/delivery';
import { ErrorResponseDto } from '@kalam/platform';
import { PublishedAnswer } from '../published/published-answer';
import { SitemapQueryDto } from './feed-query.dto';

const FEED_SIZE = 50;
const SITEMAP_PAGE = 10_000;
const XML = 'application/xml; charset=utf-8';

/** RSS 2.0 and Atom feeds and sitemaps (with hreflang alternates) per locale, made by maintained libraries. */
@ApiTags('feeds and sitemaps')
@Controller()
export class FeedsController {
  constructor(
    @Inject(deliveryConfig.KEY) private readonly config: DeliveryConfig,
    private readonly locales: LocaleDirectory,
    private readonly reader: PublishedReader,
    private readonly answer: PublishedAnswer,
  ) {}

  @Get(':locale/feed.xml')
  @ApiOperation({ summary: 'RSS 2.0 feed of the newest published articles in a locale' })
  @ApiProduces('application/rss+xml')
  @ApiResponse({ status: 200, description: 'RSS 2.0', content: { 'application/rss+xml': { schema: { type: 'string' } } } })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match)' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown locale' })
  async rss(@Param('locale') code: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const feed = await this.feed(code);
    this.answer.send(request, reply, {
      body: feed.xml.rss2(),
      contentType: 'application/rss+xml; charset=utf-8',
      surrogateKeys: feed.keys,
      locales: [feed.locale],
    });
  }

  @Get(':locale/atom.xml')
  @ApiOperation({ summary: 'Atom feed of the newest published articles in a locale' })
  @ApiProduces('application/atom+xml')
  @ApiResponse({ status: 200, description: 'Atom 1.0', content: { 'application/atom+xml': { schema: { type: 'string' } } } })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match)' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown locale' })
  async atom(@Param('locale') code: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const feed = await this.feed(code);
    this.answer.send(request, reply, {
      body: feed.xml.atom1(),
      contentType: 'application/atom+xml; charset=utf-8',
      surrogateKeys: feed.keys,
      locales: [feed.locale],
    });
  }

  @Get('sitemap.xml')
  @ApiOperation({ summary: 'Sitemap index: every page of every locale’s sitemap' })
  @ApiProduces('application/xml')
  @ApiResponse({ status: 200, description: 'Sitemap index', content: { 'application/xml': { schema: { type: 'string' } } } })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match)' })
  async sitemapIndex(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { order } = await this.locales.all();
    const index = new SitemapIndexStream();
    for (const locale of order) {
      const pages = Math.max(1, Math.ceil((await this.reader.countIn(locale)) / SITEMAP_PAGE));
      for (let page = 1; page <= pages; page += 1) {
        index.write({ url: `${this.config.publicUrl}/v1/${locale}/sitemap.xml${page > 1 ? `?page=${page}` : ''}` });
      }
    }
    index.end();
    const xml = (await streamToPromise(index)).toString();
    this.answer.send(request, reply, { body: xml, contentType: XML, surrogateKeys: ['sitemaps'], locales: ['*'] });
  }

  @Get(':locale/sitemap.xml')
  @ApiOperation({ summary: 'Sitemap of a locale’s published articles, each with its hreflang alternates' })
  @ApiProduces('application/xml')
  @ApiResponse({ status: 200, description: 'Sitemap with xhtml:link alternates', content: { 'application/xml': { schema: { type: 'string' } } } })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match)' })
  @ApiResponse({ status: 400, type: ErrorResponseDto, description: 'Bad page' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown locale, or a page past the last' })
  async sitemap(@Param('locale') code: string, @Query() query: SitemapQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const locale = await this.locales.require(code);
    const page = query.page ?? 1;
    const entries = await this.reader.sitemapEntries(locale.code, { limit: SITEMAP_PAGE, offset: (page - 1) * SITEMAP_PAGE });
    if (!entries.length && page > 1) throw KalamError.notFound('published.sitemap_page_not_found', { locale: locale.code, page });
    const stream = new SitemapStream({ xmlns: { xhtml: true, news: false, image: false, video: false } });
    for (const entry of entries) {
      stream.write({
        url: articleUrl(this.config, locale.code, entry.slug),
        lastmod: new Date(entry.updatedAt).toISOString(),
        links: entry.alternates.map((alternate) => ({
          lang: alternate.locale,
          hreflang: alternate.locale,
          url: articleUrl(this.config, alternate.locale, alternate.slug),
        })),
      });
    }
    stream.end();
    const xml = (await streamToPromise(stream)).toString();
    // Alternates name the other locales' slugs: a change in any locale can change this file.
    this.answer.send(request, reply, { body: xml, contentType: XML, surrogateKeys: [`locale:${locale.code}`, 'sitemaps'], locales: ['*'] });
  }

  private async feed(code: string): Promise<{ xml: Feed; keys: string[]; locale: string }> {
    const locale = await this.locales.require(code);
    const { cards } = await this.reader.cards(locale.code, { limit: FEED_SIZE, offset: 0 });
    const items = cards.map((card) => JSON.parse(card) as ArticleCard);
    const self = `${this.config.publicUrl}/v1/${locale.code}`;
    const xml = new Feed({
      title: `${this.config.siteName} (${locale.code})`,
      id: `${self}/feed.xml`,
      link: this.config.publicUrl,
      language: locale.code,
      updated: items[0] ? new Date(items[0].updatedAt) : new Date(0),
      copyright: this.config.siteName,
      generator: 'Kalam',
      feedLinks: { rss: `${self}/feed.xml`, atom: `${self}/atom.xml` },
    });
    for (const item of items) {
      xml.addItem({
        title: item.title,
        id: item.url,
        link: item.url,
        description: item.summary ?? undefined,
        date: new Date(item.updatedAt),
        published: new Date(item.publishedAt),
        author: item.authors.map((author) => ({ name: author.displayName })),
      });
    }
    return { xml, keys: [`locale:${locale.code}`, `articles:${locale.code}`], locale: locale.code };
  }
}
