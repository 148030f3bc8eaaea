import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { FOLDER_MAX_ENTRIES, FOLDER_NAME_MAX } from '@lc/shared';
import { Trim } from '../../accounts/validators.js';

export class CreateFolderDto {
  @ApiProperty({ maxLength: FOLDER_NAME_MAX })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(FOLDER_NAME_MAX)
  name: string;

  @ApiPropertyOptional({
    nullable: true,
    description: 'Omitted or null: a top-level folder; at most 3 levels',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
}

export class UpdateFolderDto {
  @ApiPropertyOptional({ maxLength: FOLDER_NAME_MAX })
  @ValidateIf((_: unknown, v: unknown) => v !== undefined)
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(FOLDER_NAME_MAX)
  name?: string;

  @ApiPropertyOptional({ nullable: true, description: 'Move the folder (null: to the top level)' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
}

export class FolderDevicesDto {
  @ApiProperty({
    type: [String],
    description: `Devices put in this folder (taken out of any other); at most ${FOLDER_MAX_ENTRIES} entries per folder`,
  })
  @IsArray()
  @ArrayMaxSize(FOLDER_MAX_ENTRIES + 1)
  @IsUUID('all', { each: true })
  deviceIds: string[];
}

export class FolderDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ type: [String] }) deviceIds: string[];
}

export class FavoritesDto {
  @ApiProperty({ type: [String], description: 'Camera ids, the latest marked first' }) cameraIds: string[];
}
