// Accounts: forgotten passwords, two-step sign-in (TOTP) and the operator appointing an admin.
import { z } from 'zod';
import { LIMITS } from './limits.ts';

const NewPasswordSchema = z.string().min(LIMITS.passwordMin, `Choose a password of at least ${LIMITS.passwordMin} characters`).max(LIMITS.password);

/** A 6-digit authenticator code or a recovery code (`abcde-12345`); spaces and dashes are ignored. */
const CodeSchema = z
  .string()
  .trim()
  .min(6, 'Type the 6-digit code from your app, or a recovery code')
  .max(32)
  .transform((c) => c.replace(/[\s-]/g, '').toLowerCase());

/** POST /api/auth/password/forgot — the same answer whether an account has this email or not. */
export const PasswordForgotSchema = z.strictObject({ email: z.email('Type the email you sign in with').max(LIMITS.email) });
export type PasswordForgot = z.infer<typeof PasswordForgotSchema>;

/** POST /api/auth/password/reset — the token from the mailed link and the new password. */
export const PasswordResetSchema = z.strictObject({
  token: z.string().min(20).max(100),
  password: NewPasswordSchema,
});
export type PasswordReset = z.infer<typeof PasswordResetSchema>;

/** The answer to a right password when the account has two-step sign-in: no session yet. */
export interface LoginChallenge {
  twoFactor: {
    /** Short-lived signed proof that the password was right; sent back with the code. */
    token: string;
  };
}

/** POST /api/auth/login/two-factor — the second step of signing in. */
export const TwoFactorLoginSchema = z.strictObject({ token: z.string().min(20).max(300), code: CodeSchema });
export type TwoFactorLogin = z.input<typeof TwoFactorLoginSchema>;

/** GET /api/profile/two-factor */
export interface TwoFactorStatus {
  enabled: boolean;
  /** Recovery codes not used yet. */
  recoveryCodesLeft: number;
  /** Sites where the person is a manager or admin and the site asks for two-step sign-in. */
  requiredBy: string[];
}

/** POST /api/profile/two-factor/setup — a new secret to add to an authenticator app (not active until confirmed). */
export interface TwoFactorSetup {
  /** Base32, for typing into the app by hand. */
  secret: string;
  otpauthUri: string;
  /** The otpauthUri as a QR code, an SVG document. */
  qrSvg: string;
}

/** POST /api/profile/two-factor/confirm — a first code proves the app has the secret. */
export const TwoFactorConfirmSchema = z.strictObject({ code: CodeSchema });
export type TwoFactorConfirm = z.input<typeof TwoFactorConfirmSchema>;

/** The answer to a confirmation: recovery codes, shown this once. */
export interface TwoFactorEnabled {
  recoveryCodes: string[];
}

/** POST /api/profile/two-factor/disable — the password and a current code (or a recovery code). */
export const TwoFactorDisableSchema = z.strictObject({
  password: z.string().min(1, 'Type your password').max(LIMITS.password),
  code: CodeSchema,
});
export type TwoFactorDisable = z.input<typeof TwoFactorDisableSchema>;

/** POST /api/operator/sites/:siteId/admins — makes an existing account an active admin of the site. */
export const AdminAppointSchema = z.strictObject({ email: z.email('Type the email of an existing account').max(LIMITS.email) });
export type AdminAppoint = z.infer<typeof AdminAppointSchema>;

/** The answer to an appointment. */
export interface AdminAppointed {
  userId: string;
  displayName: string;
  email: string;
  /** The role they had on the site before (null: they were not a member). */
  previousRole: 'helper' | 'moderator' | 'admin' | null;
}
