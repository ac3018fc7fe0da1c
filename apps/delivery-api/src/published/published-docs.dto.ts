import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// OpenAPI descriptions of what the delivery API sends (the shapes of @kalam/delivery's ArticleDocument).

class CardAuthorDto {
  @ApiProperty() slug: string;
  @ApiProperty() displayName: string;
}

class CardImageDto {
  @ApiProperty() url: string;
  @ApiProperty({ type: String, nullable: true }) alt: string | null;
}

export class ArticleCardDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() url: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) summary: string | null;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: [CardAuthorDto] }) authors: CardAuthorDto[];
  @ApiProperty({ type: CardImageDto, nullable: true }) heroImage: CardImageDto | null;
}

export class ArticlePageDto {
  @ApiProperty({ type: [ArticleCardDto] }) items: ArticleCardDto[];
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty() total: number;
}

class DocumentAuthorDto {
  @ApiProperty() slug: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Sanitized HTML, in bioLocale' }) bio: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The bio's locale: the article's, one along its chain, or another when only that exists" })
  bioLocale: string | null;
}

class FootnoteDto {
  @ApiProperty() number: number;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) publisher: string | null;
  @ApiProperty({ type: String, nullable: true }) url: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) accessedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) language: string | null;
  @ApiProperty({ description: 'The citation in the locale\'s words, e.g. "…, (Erişim Tarihi: 1 Mart 2024)"' }) citation: string;
}

class DocumentTagDto {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() locale: string;
}

class DocumentImageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Uploads: the delivery API (renditions with ?w=&format=); external images: their own URL' }) url: string;
  @ApiProperty() external: boolean;
  @ApiProperty({ type: Number, nullable: true }) width: number | null;
  @ApiProperty({ type: Number, nullable: true }) height: number | null;
  @ApiProperty({ type: String, nullable: true }) mimeType: string | null;
  @ApiProperty({ type: String, nullable: true }) alt: string | null;
  @ApiProperty({ type: String, nullable: true }) caption: string | null;
  @ApiProperty({ type: String, nullable: true }) credit: string | null;
}

class AlternateDto {
  @ApiProperty() locale: string;
  @ApiProperty() slug: string;
  @ApiProperty() url: string;
}

class SeoDto {
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
}

export class ArticleDocumentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() locale: string;
  @ApiPropertyOptional({ description: 'Set when served through the fallback chain: the locale asked for' }) fallbackFrom?: string;
  @ApiProperty() sourceLocale: string;
  @ApiProperty({ enum: ['ltr', 'rtl'] }) textDirection: string;
  @ApiProperty() slug: string;
  @ApiProperty() url: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) subtitle: string | null;
  @ApiProperty({ type: String, nullable: true }) summary: string | null;
  @ApiProperty({ description: 'Sanitized HTML with the numbered footnote list' }) bodyHtml: string;
  @ApiProperty({ type: SeoDto }) seo: SeoDto;
  @ApiProperty({ type: [DocumentAuthorDto] }) authors: DocumentAuthorDto[];
  @ApiProperty({ type: [FootnoteDto] }) footnotes: FootnoteDto[];
  @ApiProperty({ type: [DocumentTagDto] }) tags: DocumentTagDto[];
  @ApiProperty({ type: DocumentImageDto, nullable: true }) heroImage: DocumentImageDto | null;
  @ApiProperty({ type: [AlternateDto], description: 'Every published translation, this one included (hreflang, language switchers)' })
  alternates: AlternateDto[];
  @ApiProperty({ type: [ArticleCardDto], description: 'Published articles sharing tags, as of the last render' }) related: ArticleCardDto[];
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class AuthorPageDto extends ArticlePageDto {
  @ApiProperty({ type: DocumentAuthorDto }) author: DocumentAuthorDto;
}

export class TagPageDto extends ArticlePageDto {
  @ApiProperty({ type: DocumentTagDto }) tag: DocumentTagDto;
}

class SearchHitDto extends ArticleCardDto {
  @ApiProperty({ description: 'HTML: the text around the matches, matches in <mark>, everything else escaped' }) snippet: string;
  @ApiProperty() rank: number;
}

export class SearchPageDto {
  @ApiProperty({ type: [SearchHitDto] }) items: SearchHitDto[];
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty() total: number;
}
