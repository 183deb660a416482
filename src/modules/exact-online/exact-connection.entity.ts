import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_NUMBER } from './epoch-column';

/** State of a consent: usable, or refused by Exact so that a person must connect again. */
export type ExactConnectionState = 'connected' | 'needs_consent';

/**
 * One consent of an Exact Online user for this app (OAuth authorization code flow), with its
 * tokens sealed by SecretBox (purposes `exact:access-token:<ID>` and `exact:refresh-token:<ID>`).
 * Internal: never listed through GraphQL, SQL or exports; `exactConnections` shows a safe view.
 */
@Entity('ExactConnections')
export class ExactConnection {
  @PrimaryColumn({ name: 'ID', type: 'varchar', length: 36 })
  declare id: string;

  /** Exact host the consent belongs to (EXACT_BASE_URL when connected). */
  @Column({ name: 'BaseUrl', type: 'varchar', length: 200 })
  declare baseUrl: string;

  @Column({ name: 'State', type: 'varchar', length: 20 })
  declare state: ExactConnectionState;

  /** current/Me FullName of the user who consented. */
  @Column({ name: 'ExactUserName', type: 'varchar', length: 100, nullable: true })
  declare exactUserName: string | null;

  /** Sealed access token (SecretBox); null when none is held. */
  @Column({ name: 'AccessToken', type: 'text', nullable: true })
  declare accessToken: string | null;

  /** When the access token expires (epoch ms): issue time + expires_in seconds. */
  @Column({ name: 'AccessTokenExpiresAt', type: 'bigint', nullable: true, transformer: BIGINT_NUMBER })
  declare accessTokenExpiresAt: number | null;

  /** Sealed single-use refresh token (SecretBox). */
  @Column({ name: 'RefreshToken', type: 'text', nullable: true })
  declare refreshToken: string | null;

  /** When the tokens were last issued (epoch ms). */
  @Column({ name: 'RefreshedAt', type: 'bigint', nullable: true, transformer: BIGINT_NUMBER })
  declare refreshedAt: number | null;

  /** Last error, never carrying a token. */
  @Column({ name: 'LastError', type: 'varchar', length: 500, nullable: true })
  declare lastError: string | null;

  @Column({ name: 'Created', type: 'bigint', transformer: BIGINT_NUMBER })
  declare created: number;

  @Column({ name: 'Modified', type: 'bigint', transformer: BIGINT_NUMBER })
  declare modified: number;
}
