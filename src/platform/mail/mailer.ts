import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { z } from 'zod';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export interface OutboxItem extends MailMessage {
  readonly id: string;
  readonly from: string;
  readonly createdAt: string;
}

const outboxItemSchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
});

/** Real delivery through an SMTP server (SMTP_URL). */
export class SmtpMailer implements Mailer {
  private readonly transport;
  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }
  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }
}

/** Without SMTP every message lands as a JSON file in the outbox folder, readable by an administrator in the app. */
export class OutboxMailer implements Mailer {
  private sequence = 0;
  constructor(
    readonly folder: string,
    private readonly from: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async send(message: MailMessage): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const createdAt = this.clock().toISOString();
    this.sequence += 1;
    const id = `${createdAt.replace(/[-:.]/g, '')}-${process.pid}-${this.sequence}`;
    const item: OutboxItem = { id, from: this.from, createdAt, ...message };
    await writeFile(path.join(this.folder, `${id}.json`), JSON.stringify(item, null, 2), { mode: 0o600 });
  }

  async list(): Promise<OutboxItem[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch {
      return [];
    }
    const items = await Promise.all(
      names.filter((n) => n.endsWith('.json')).map(async (n) => this.read(n.slice(0, -'.json'.length))),
    );
    return items.filter((i): i is OutboxItem => i !== undefined).sort((a, b) => b.id.localeCompare(a.id));
  }

  async read(id: string): Promise<OutboxItem | undefined> {
    if (!/^[A-Za-z0-9-]+$/.test(id)) return undefined;
    try {
      return outboxItemSchema.parse(JSON.parse(await readFile(path.join(this.folder, `${id}.json`), 'utf8')));
    } catch {
      return undefined;
    }
  }
}
