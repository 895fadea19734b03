import type { SKRSContext2D } from '@napi-rs/canvas';
import { COLORS } from './draw.js';

/**
 * The card every figure sits on: an off-white rounded panel, so the same PNG reads on Discord's
 * dark and light themes alike, with the name on top and a key at the bottom.
 */

export const CARD = { width: 640, height: 400, header: 58, margin: 22 } as const;

export function drawCard(ctx: SKRSContext2D, size: { width: number; height: number }): void {
  ctx.clearRect(0, 0, size.width, size.height);
  ctx.fillStyle = COLORS.card;
  ctx.strokeStyle = '#cbd5e1';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.roundRect(1, 1, size.width - 2, size.height - 2, 18);
  ctx.fill();
  ctx.stroke();
}

function fitText(ctx: SKRSContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > maxWidth) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

export function drawHeader(ctx: SKRSContext2D, font: string, title: string, subtitle: string, width: number): void {
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.fillStyle = COLORS.ink;
  ctx.font = `bold 21px "${font}"`;
  ctx.fillText(fitText(ctx, title, width - 44), 22, 34);
  ctx.fillStyle = COLORS.muted;
  ctx.font = `14px "${font}"`;
  ctx.fillText(fitText(ctx, subtitle, width - 44), 22, 54);
}

export function drawKey(ctx: SKRSContext2D, font: string, width: number, height: number): void {
  ctx.font = `12px "${font}"`;
  ctx.textAlign = 'right';
  ctx.fillStyle = COLORS.muted;
  ctx.fillText('faint: start   solid: end', width - 20, height - 14);
  ctx.textAlign = 'left';
}

/** A small rounded tag, e.g. "right leg", in the accent colour. */
export function drawTag(ctx: SKRSContext2D, font: string, text: string, x: number, y: number, bounds: { width: number; height: number }): void {
  ctx.font = `bold 13px "${font}"`;
  const w = ctx.measureText(text).width + 14;
  const h = 21;
  const left = Math.min(Math.max(12, x - w / 2), bounds.width - w - 12);
  const top = Math.min(Math.max(CARD.header + 4, y - h / 2), bounds.height - h - 30);
  ctx.fillStyle = COLORS.accent;
  ctx.beginPath();
  ctx.roundRect(left, top, w, h, 10);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, left + 7, top + h / 2 + 1);
  ctx.textBaseline = 'alphabetic';
}
