import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AnnouncementAudience, AnnouncementView, Page } from '@lc/shared';
import type { AuthUser } from '../common/auth/decorators.js';
import { AuditService } from '../common/audit/audit.service.js';
import { Clock } from '../common/clock/clock.js';
import { rows } from '../common/database/database.js';
import type { CreateAnnouncementDto } from './dto/announcement.dto.js';

interface Row {
  id: string;
  title_ja: string;
  title_en: string;
  body_ja: string;
  body_en: string;
  audience: AnnouncementAudience;
  publish_at: Date;
  created_at: Date;
}

const view = (r: Row): AnnouncementView => ({
  id: r.id,
  title: { ja: r.title_ja, en: r.title_en },
  body: { ja: r.body_ja, en: r.body_en },
  audience: r.audience,
  publishAt: r.publish_at.toISOString(),
  createdAt: r.created_at.toISOString(),
});

/**
 * Operator announcements (seed 001 §5.7): title and body in ja and en, an audience, a publish
 * time. Readers see them through PortalMessages (the message list), in their own language.
 */
@Injectable()
export class AnnouncementsService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async create(user: AuthUser, dto: CreateAnnouncementDto): Promise<{ id: string }> {
    const now = this.clock.now();
    const publishAt = dto.publishAt ? new Date(dto.publishAt) : now;
    return this.ds.transaction(async (em) => {
      const [r] = await rows<Row>(
        em,
        `INSERT INTO announcement (title_ja, title_en, body_ja, body_en, audience, publish_at, created_by_user_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [
          dto.title.ja.trim(),
          dto.title.en.trim(),
          dto.body.ja,
          dto.body.en,
          dto.audience,
          publishAt,
          user.id,
          now,
        ],
      );
      await this.audit.record(em, user, {
        action: 'announcements.created',
        targetType: 'announcement',
        targetId: r.id,
        after: view(r),
      });
      return { id: r.id };
    });
  }

  /** The operator's list, newest publish time first (scheduled ones included). */
  async list(page: number, pageSize: number): Promise<Page<AnnouncementView>> {
    const r = await rows<Row & { total: number }>(
      this.ds.manager,
      `SELECT *, count(*) OVER ()::int AS total FROM announcement
        ORDER BY publish_at DESC, id DESC LIMIT $1 OFFSET $2`,
      [pageSize, (page - 1) * pageSize],
    );
    return { items: r.map(view), total: r[0]?.total ?? 0, page, pageSize };
  }
}
