import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { STREAM_MODES, type StreamMode } from '@lc/shared';

export class CreateStreamGrantDto {
  @ApiProperty({ enum: STREAM_MODES })
  @IsIn(STREAM_MODES)
  mode: StreamMode;
}

export class StreamGrantDto {
  @ApiProperty({
    description:
      '`<base64url(payload JSON)>.<base64url(Ed25519 signature of those bytes)>`, signed with the key of GET /api/device/keys (keyId in the payload)',
  })
  token: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}
