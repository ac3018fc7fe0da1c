import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@kalam/content';

export class SearchQueryDto extends PageQueryDto {
  @ApiProperty({ description: 'Words to find; "quoted phrases", OR and -excluded words as in web search engines', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  q: string;
}
