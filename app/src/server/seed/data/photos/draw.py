#!/usr/bin/env python3
"""Procedural illustrative "photos" for the investor-portal demo content.

Draws six semi-realistic architectural renderings of a Central Asian steppe
industrial hub (no text, no logos, no people) with a tiny perspective
renderer: a pinhole camera, convex polyhedra drawn with back-face culling and
separating-plane depth ordering, sun shading, soft ground shadows, per-pixel
sky / steppe / haze, world-space ground texture and a little film grain.

Usage:  python3 draw.py [output_dir [name.jpg ...]]   (default: this directory, all six)
Needs:  Pillow, numpy.  Output is deterministic (fixed seeds).
"""
import heapq
import math
import os
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

W, H = 1600, 1000          # final size
SS = 2                     # supersampling factor
RW, RH = W * SS, H * SS    # render size
NEAR = 0.25
MAX_BYTES = 172_000          # stay clearly below 180 kB


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------
def nrm(v):
    v = np.asarray(v, float)
    return v / np.linalg.norm(v)


def clip_near(cs, zn=NEAR):
    out = []
    n = len(cs)
    for i in range(n):
        a, b = cs[i], cs[(i + 1) % n]
        ain, bin_ = a[2] >= zn, b[2] >= zn
        if ain:
            out.append(a)
        if ain != bin_:
            t = (zn - a[2]) / (b[2] - a[2])
            out.append(a + (b - a) * t)
    return out


def hull2d(pts):
    pts = sorted(set((round(p[0], 4), round(p[1], 4)) for p in pts))
    if len(pts) < 3:
        return pts

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def make_noise(rng, n=512, beta=2.0, aniso=1.0):
    """Tileable fractal noise, zero mean, unit std."""
    w = rng.standard_normal((n, n))
    f = np.fft.fftfreq(n)
    fx, fy = np.meshgrid(f * aniso, f)
    r = np.sqrt(fx ** 2 + fy ** 2)
    r[0, 0] = 1.0
    spec = np.fft.fft2(w) / r ** (beta / 2.0)
    spec[0, 0] = 0
    out = np.real(np.fft.ifft2(spec))
    return ((out - out.mean()) / out.std()).astype(np.float32)


def sample(tex, u, v):
    """Bilinear, wrapping lookup; u, v in texels."""
    n = tex.shape[0]
    u = np.mod(u, n)
    v = np.mod(v, n)
    i0 = np.floor(u).astype(np.int32)
    j0 = np.floor(v).astype(np.int32)
    fu = (u - i0).astype(np.float32)
    fv = (v - j0).astype(np.float32)
    i0 %= n
    j0 %= n
    i1 = (i0 + 1) % n
    j1 = (j0 + 1) % n
    a = tex[j0, i0] * (1 - fu) + tex[j0, i1] * fu
    b = tex[j1, i0] * (1 - fu) + tex[j1, i1] * fu
    return a * (1 - fv) + b * fv


def smoothstep(a, b, x):
    t = np.clip((x - a) / (b - a), 0, 1)
    return t * t * (3 - 2 * t)


def mix(a, b, t):
    return np.asarray(a, float) * (1 - t) + np.asarray(b, float) * t


# --------------------------------------------------------------------------
# geometry: faces, convex objects, groups
# --------------------------------------------------------------------------
class Ctx:
    """Drawing context on a planar face: p(u, v) = p0 + U*u + V*v (metres)."""

    def __init__(self, sc, face, p0, U, V, lu, lv):
        self.sc, self.face = sc, face
        self.p0, self.U, self.V = p0, U, V
        self.lu, self.lv = lu, lv
        self.n = face.n
        self.sunlit = float(face.n @ sc.L) > 0.05
        self.in_shadow = False

    def P(self, u, v):
        return self.p0 + self.U * u + self.V * v

    def poly(self, uvs, color, light=None):
        pts = [self.P(u, v) for u, v in uvs]
        dist = np.linalg.norm(np.mean(pts, 0) - self.sc.pos)
        if light is None:
            light = self.face.light
        if light is not None:
            col = self.sc.fog(np.asarray(color, float) * light, dist)
        else:
            col = self.sc.lit(color, self.n, dist, self.in_shadow)
        self.sc.poly(pts, col)

    def shade_region(self, uvs):
        """Darken what is already drawn inside a face-plane polygon (cast shadow)."""
        sc = self.sc
        cs = clip_near([sc.cam(self.P(u, v)) for u, v in uvs])
        if len(cs) < 3:
            return
        sp = [sc.scr(c) for c in cs]
        xs, ys = [p[0] for p in sp], [p[1] for p in sp]
        x0, x1 = max(0, int(min(xs)) - 1), min(RW, int(max(xs)) + 2)
        y0, y1 = max(0, int(min(ys)) - 1), min(RH, int(max(ys)) + 2)
        if x1 <= x0 or y1 <= y0:
            return
        m = Image.new('L', (x1 - x0, y1 - y0), 0)
        ImageDraw.Draw(m).polygon([(x - x0, y - y0) for x, y in sp], fill=255)
        reg = np.asarray(sc.img.crop((x0, y0, x1, y1))).astype(np.float32)
        d = max(0.0, float(self.n @ sc.L))
        ka = sc.amb * (0.78 + 0.22 * self.n[1])
        ratio = ka / (ka + sc.sun * d)
        mm = np.asarray(m).astype(np.float32)[..., None] / 255.0
        reg = reg * (1 - mm * (1 - ratio))
        sc.img.paste(Image.fromarray(np.clip(reg, 0, 255).astype(np.uint8)), (x0, y0))

    def canopy_shadow(self, u0, u1, depth, h):
        """Shadow cast on this wall by a canopy of given depth whose underside is at height h."""
        L = self.sc.L
        ln = float(L @ self.n)
        if ln <= 0.02:
            return
        t = depth / ln
        drop = L[1] * t
        shift = -float(L @ self.U) * t
        vb = max(0.0, h - drop)
        f = (h - vb) / drop
        self.shade_region([(u0, h), (u1, h), (u1 + shift * f, vb), (u0 + shift * f, vb)])

    def quad(self, u0, v0, u1, v1, color, light=None):
        self.poly([(u0, v0), (u1, v0), (u1, v1), (u0, v1)], color, light)

    def hline(self, v, u0, u1, w, color, light=None):
        self.quad(u0, v - w / 2, u1, v + w / 2, color, light)

    def vline(self, u, v0, v1, w, color, light=None):
        self.quad(u - w / 2, v0, u + w / 2, v1, color, light)

    def glass(self, u0, v0, u1, v1, mull=1.5, mull_col=(70, 76, 84), transoms=(),
              tint=(1.0, 1.0, 1.0), frame=0.06):
        """Glazing reflecting the sky: graded strips plus mullions."""
        k = 1.0 if self.sunlit else 0.82
        bot = np.array([58, 72, 84]) * tint
        top = np.array([150, 178, 198]) * tint
        n = 6
        for i in range(n):
            a, b = i / n, (i + 1) / n
            col = mix(bot, top, ((a + b) / 2) ** 0.8) * k
            self.quad(u0, v0 + (v1 - v0) * a, u1, v0 + (v1 - v0) * b + 0.001, col, light=1.0)
        # soft diagonal reflection band
        w = (u1 - u0)
        hgt = (v1 - v0)
        for s0, s1, kk in ((0.18, 0.30, 1.10), (0.55, 0.60, 1.07)):
            pts = []
            for (uu, vv) in ((s0, 0), (s1, 0), (s1 - 0.25, 1), (s0 - 0.25, 1)):
                pts.append((u0 + np.clip(uu, 0, 1) * w, v0 + vv * hgt))
            mid = mix(bot, top, 0.6) * k * kk
            self.poly(pts, mid, light=1.0)
        if mull:
            m = max(1, int(round(w / mull)))
            for i in range(m + 1):
                self.vline(u0 + w * i / m, v0, v1, frame, mull_col)
        for t in transoms:
            self.hline(t, u0, u1, frame, mull_col)
        self.hline(v0 + frame / 2, u0, u1, frame, mull_col)
        self.hline(v1 - frame / 2, u0, u1, frame, mull_col)


class Face:
    def __init__(self, verts, color, frame=None, deco=None, light=None, rect=False):
        self.verts = [np.asarray(v, float) for v in verts]
        self.color = np.asarray(color, float)
        self.frame = frame
        self.deco = deco if deco is None or isinstance(deco, (list, tuple)) else [deco]
        self.light = light
        self.rect = rect
        n = np.zeros(3)
        for i in range(len(self.verts)):
            a, b = self.verts[i], self.verts[(i + 1) % len(self.verts)]
            n += np.array([(a[1] - b[1]) * (a[2] + b[2]),
                           (a[2] - b[2]) * (a[0] + b[0]),
                           (a[0] - b[0]) * (a[1] + b[1])])
        self.n = nrm(n)
        self.c = np.mean(self.verts, 0)

    def orient(self, center):
        if self.n @ (self.c - center) < 0:
            self.n = -self.n

    def draw(self, sc):
        if self.n @ (sc.pos - self.c) <= 1e-9:
            return
        if self.frame is not None and self.rect and self.frame[3] > 24:
            # split long rectangles so the haze varies along them
            p0, U, V, lu, lv = self.frame
            k = int(math.ceil(lu / 12.0))
            for i in range(k):
                a, b = lu * i / k, lu * (i + 1) / k + 0.02
                pts = [p0 + U * a, p0 + U * b, p0 + U * b + V * lv, p0 + U * a + V * lv]
                dist = np.linalg.norm(np.mean(pts, 0) - sc.pos)
                sc.poly(pts, self.shade(sc, dist))
        else:
            dist = np.linalg.norm(self.c - sc.pos)
            sc.poly(self.verts, self.shade(sc, dist))
        if self.deco and self.frame is not None:
            p0, U, V, lu, lv = self.frame
            ctx = Ctx(sc, self, p0, U, V, lu, lv)
            for d in self.deco:
                d(ctx)

    def shade(self, sc, dist):
        if self.light is not None:
            return sc.fog(self.color * self.light, dist)
        return sc.lit(self.color, self.n, dist)


class Obj:
    shadow = True
    ao = True

    def finish(self, pts):
        pts = np.asarray(pts, float)
        self.lo, self.hi = pts.min(0), pts.max(0)
        self.center = (self.lo + self.hi) / 2


class Poly3(Obj):
    def __init__(self, faces, shadow=True, ao=True):
        self.faces = faces
        allv = [v for f in faces for v in f.verts]
        self.finish(allv)
        c = np.mean(allv, 0)
        for f in faces:
            f.orient(c)
        self.shadow, self.ao = shadow, ao
        self.pts = allv

    def draw(self, sc):
        for f in self.faces:
            f.draw(sc)

    def add_shadow(self, sc):
        if not self.shadow:
            return
        if self.lo[1] > 0.05 or self.hi[1] > 0.05:
            sc.shadow_poly([sc.to_ground(p) for p in self.pts])
        if self.ao and self.lo[1] < 0.05 and (self.hi[1] - self.lo[1]) > 0.3:
            sc.ao_polys.append([(self.lo[0], self.lo[2]), (self.hi[0], self.lo[2]),
                                (self.hi[0], self.hi[2]), (self.lo[0], self.hi[2])])


class Group(Obj):
    def __init__(self, children):
        self.children = [c for c in children if c is not None]
        self.finish(np.vstack([[c.lo, c.hi] for c in self.children]))

    def draw(self, sc):
        for c in sc.order(self.children):
            c.draw(sc)

    def add_shadow(self, sc):
        for c in self.children:
            c.add_shadow(sc)


def box(x0, y0, z0, x1, y1, z1, color, deco=None, colors=None, light=None,
        shadow=True, bottom=False, lights=None, ao=True):
    """Axis-aligned box. deco: {'s','n','e','w','top','bottom','sides': fn or [fn]}."""
    x0, x1 = min(x0, x1), max(x0, x1)
    y0, y1 = min(y0, y1), max(y0, y1)
    z0, z1 = min(z0, z1), max(z0, z1)
    deco = deco or {}
    colors = colors or {}
    lights = lights or {}
    X, Y, Z = np.eye(3)
    spec = {
        's': ((x0, y0, z0), X, Y, x1 - x0, y1 - y0),
        'n': ((x1, y0, z1), -X, Y, x1 - x0, y1 - y0),
        'w': ((x0, y0, z1), -Z, Y, z1 - z0, y1 - y0),
        'e': ((x1, y0, z0), Z, Y, z1 - z0, y1 - y0),
        'top': ((x0, y1, z0), X, Z, x1 - x0, z1 - z0),
    }
    if bottom:
        spec['bottom'] = ((x0, y0, z0), X, Z, x1 - x0, z1 - z0)
    faces = []
    for k, (p0, U, V, lu, lv) in spec.items():
        p0 = np.array(p0, float)
        verts = [p0, p0 + U * lu, p0 + U * lu + V * lv, p0 + V * lv]
        d = []
        if k in deco:
            d += deco[k] if isinstance(deco[k], (list, tuple)) else [deco[k]]
        if k in 'snew' and len(k) == 1 and 'sides' in deco:
            d += deco['sides'] if isinstance(deco['sides'], (list, tuple)) else [deco['sides']]
        faces.append(Face(verts, colors.get(k, color), frame=(p0, U, V, lu, lv),
                          deco=d or None, light=lights.get(k, light), rect=True))
    return Poly3(faces, shadow=shadow, ao=ao)


def prism(ring_a, ring_b, color, cap_color=None, shadow=True):
    ring_a = [np.asarray(p, float) for p in ring_a]
    ring_b = [np.asarray(p, float) for p in ring_b]
    faces = [Face(ring_a, cap_color if cap_color is not None else color),
             Face(ring_b, cap_color if cap_color is not None else color)]
    n = len(ring_a)
    for i in range(n):
        j = (i + 1) % n
        faces.append(Face([ring_a[i], ring_a[j], ring_b[j], ring_b[i]], color))
    return Poly3(faces, shadow=shadow, ao=False)


def frustum(x0, z0, x1, z1, y0, tx0, tz0, tx1, tz1, y1, color, top_color=None, light=None):
    b = [(x0, y0, z0), (x1, y0, z0), (x1, y0, z1), (x0, y0, z1)]
    t = [(tx0, y1, tz0), (tx1, y1, tz0), (tx1, y1, tz1), (tx0, y1, tz1)]
    faces = [Face(t, top_color if top_color is not None else color)]
    for i in range(4):
        j = (i + 1) % 4
        faces.append(Face([b[i], b[j], t[j], t[i]], color, light=light))
    return Poly3(faces, ao=False)


# --------------------------------------------------------------------------
# non-polyhedral objects
# --------------------------------------------------------------------------
class Tree(Obj):
    """Young tree (or low steppe shrub) drawn as a cloud of shaded foliage clumps."""

    def __init__(self, x, z, h=4.2, r=1.2, rng=None, col=(92, 122, 58), shrub=False):
        self.x, self.z, self.h, self.r = x, z, h, r
        self.col = np.array(col, float)
        self.shrub = shrub
        rng = rng or np.random.default_rng(int(abs(x * 31 + z * 7)) % 100000)
        ry = r * (0.55 if shrub else 1.25)
        self.cy = ry if shrub else h - ry
        self.ry = ry
        self.blobs = []
        nb = 9 if shrub else 70
        for i in range(nb):
            while True:
                d = rng.uniform(-1, 1, 3)
                if d @ d <= 1:
                    break
            if not shrub:
                d = d / max(0.6, np.linalg.norm(d)) * 0.95     # push clumps to the surface
            off = np.array([d[0] * r, d[1] * ry, d[2] * r]) * 0.8
            br = r * (rng.uniform(0.28, 0.42) * 1.3 if shrub else rng.uniform(0.16, 0.26))
            self.blobs.append((off, br, rng.uniform(0.9, 1.08)))
        self.lean = rng.uniform(-0.08, 0.08)
        self.finish([(x - r, 0, z - r), (x + r, h if not shrub else 2 * ry, z + r)])

    def draw(self, sc):
        dist = np.linalg.norm(self.center - sc.pos)
        if not self.shrub:
            trunk = sc.lit((104, 88, 70), nrm((-1, 0, -1)), dist)
            sc.line3((self.x, 0, self.z), (self.x + self.lean, self.cy, self.z), 0.1, trunk)
            sc.line3((self.x + 0.28, 0, self.z + 0.05), (self.x + 0.2, 1.5, self.z + 0.05), 0.035,
                     sc.fog(np.array((168, 140, 100)) * 0.85, dist))
        c0 = np.array([self.x + self.lean, self.cy, self.z])
        order = sorted(self.blobs, key=lambda b: -np.linalg.norm(c0 + b[0] - sc.pos))
        for off, br, tone in order:
            p = c0 + off
            c = sc.cam(p)
            if c[2] < NEAR:
                continue
            sx, sy = sc.scr(c)
            rp = sc.F * br / c[2]
            nd = nrm(off + np.array([0, 0.25 * self.ry, 0]))
            lam = max(0.0, float(nd @ sc.L))
            k = 0.45 + 0.55 * lam + 0.1 * nd[1]
            col = sc.fog(self.col * k * tone, dist)
            sc.draw.ellipse([sx - rp, sy - rp * (0.75 if self.shrub else 0.95), sx + rp, sy + rp * (0.75 if self.shrub else 0.95)],
                            fill=sc.c8(col))
            if self.shrub and lam > 0.45 and rp > 3:
                hx = sx + (sc.L @ sc.right) * rp * 0.35
                hy = sy - (sc.L @ sc.up) * rp * 0.35
                sc.draw.ellipse([hx - rp * 0.45, hy - rp * 0.4, hx + rp * 0.45, hy + rp * 0.4],
                                fill=sc.c8(sc.fog(self.col * (k + 0.16) * tone, dist)))

    def add_shadow(self, sc):
        pts = []
        for k in range(16):
            a = 2 * math.pi * k / 16
            for p in ((self.x + math.cos(a) * self.r * 0.85, self.cy + math.sin(a) * self.ry * 0.85, self.z),
                      (self.x, self.cy + math.sin(a) * self.ry * 0.85, self.z + math.cos(a) * self.r * 0.85)):
                pts.append(sc.to_ground(p))
        sc.shadow_poly(pts)
        if not self.shrub:
            a = sc.to_ground((self.x, self.cy, self.z))
            sc.shadow_lines.append(((self.x, self.z), a, 0.1))


class Lines(Obj):
    """A wire-frame object (lattice tower, fence, lamp post...)."""

    def __init__(self, segs, color, shadow=True):
        # segs: list of (p, q, width_m)
        self.segs = [(np.asarray(p, float), np.asarray(q, float), w) for p, q, w in segs]
        self.color = np.asarray(color, float)
        self.finish([p for s in self.segs for p in s[:2]])
        self.shadow = shadow

    def draw(self, sc):
        dist = np.linalg.norm(self.center - sc.pos)
        col = sc.lit(self.color, nrm((-0.3, 0.3, -1)), dist)
        for p, q, w in self.segs:
            sc.line3(p, q, w, col)

    def add_shadow(self, sc):
        if not self.shadow:
            return
        for p, q, w in self.segs:
            sc.shadow_lines.append((sc.to_ground(p), sc.to_ground(q), w))


# --------------------------------------------------------------------------
# the scene / renderer
# --------------------------------------------------------------------------
class Scene:
    def __init__(self, seed, pos, target, fov=55.0, sun=(-0.6, 0.55, -0.45),
                 haze_dist=1500.0, haze_max=0.85, haze=(208, 214, 216),
                 zenith=(66, 120, 192), clouds=0.5, mountains=0.5, mountain_az=0.0,
                 ground_tone=1.0, tex_amp=1.0):
        self.rng = np.random.default_rng(seed)
        self.seed = seed
        self.pos = np.asarray(pos, float)
        self.fwd = nrm(np.asarray(target, float) - self.pos)
        self.right = nrm(np.cross([0, 1, 0], self.fwd))
        self.up = np.cross(self.fwd, self.right)
        self.F = (RW / 2) / math.tan(math.radians(fov) / 2)
        self.cx, self.cy = RW / 2, RH / 2
        self.L = nrm(sun)
        self.haze = np.asarray(haze, float)
        self.haze_dist, self.haze_max = haze_dist, haze_max
        self.zenith = np.asarray(zenith, float)
        self.clouds = clouds
        self.mountains = mountains
        self.mountain_az = mountain_az
        self.ground_tone = ground_tone
        self.tex_amp = tex_amp
        self.amb = np.array([0.50, 0.54, 0.62])
        self.sun = np.array([0.66, 0.61, 0.52])
        self.objects = []
        self.ground_items = []      # (kind, data, color)
        self.shadow_polys = []
        self.shadow_lines = []
        self.ao_polys = []
        self.overlays = []          # callables drawn last
        self.decals = []            # callables drawn on the ground before the objects
        self.img = None
        self.draw = None

    # --- projection -----------------------------------------------------
    def cam(self, p):
        d = np.asarray(p, float) - self.pos
        return np.array([d @ self.right, d @ self.up, d @ self.fwd])

    def scr(self, c):
        return (self.cx + self.F * c[0] / c[2], self.cy - self.F * c[1] / c[2])

    def to_ground(self, p):
        p = np.asarray(p, float)
        t = p[1] / self.L[1]
        g = p - self.L * t
        return (g[0], g[2])

    @staticmethod
    def c8(col):
        return tuple(int(max(0, min(255, round(float(x))))) for x in col)

    # --- shading --------------------------------------------------------
    def fog(self, c, dist):
        a = (1 - math.exp(-dist / self.haze_dist)) * self.haze_max
        return np.asarray(c, float) * (1 - a) + self.haze * a

    def lit(self, color, n, dist, shadowed=False):
        d = 0.0 if shadowed else max(0.0, float(n @ self.L))
        k = self.amb * (0.78 + 0.22 * n[1]) + self.sun * d
        return self.fog(np.asarray(color, float) * k, dist)

    # --- primitives -----------------------------------------------------
    def poly(self, pts, col):
        cs = clip_near([self.cam(p) for p in pts])
        if len(cs) < 3:
            return
        sp = [self.scr(c) for c in cs]
        self.draw.polygon(sp, fill=self.c8(col))

    def line3(self, p, q, width_m, col, min_px=1.0):
        a, b = self.cam(p), self.cam(q)
        if a[2] < NEAR and b[2] < NEAR:
            return
        if a[2] < NEAR:
            a = b + (a - b) * (b[2] - NEAR) / (b[2] - a[2])
        elif b[2] < NEAR:
            b = a + (b - a) * (a[2] - NEAR) / (a[2] - b[2])
        zm = (a[2] + b[2]) / 2
        w = max(min_px, self.F * width_m / zm)
        pa, pb = self.scr(a), self.scr(b)
        if w < 1.0:
            # thin line: fade towards the background by drawing lighter
            col = mix(self.haze, col, max(0.35, w))
            w = 1
        self.draw.line([pa, pb], fill=self.c8(col), width=int(round(w)))

    def polyline3(self, pts, width_m, col):
        for a, b in zip(pts[:-1], pts[1:]):
            self.line3(a, b, width_m, col)

    def add(self, *objs):
        for o in objs:
            if o is not None:
                self.objects.append(o)

    # ground layer (drawn in order, before texture & haze)
    def gpoly(self, pts, col):
        self.ground_items.append((list(pts), np.asarray(col, float)))

    def grect(self, x0, z0, x1, z1, col):
        self.gpoly([(x0, z0), (x1, z0), (x1, z1), (x0, z1)], col)

    def gline(self, a, b, w, col):
        a, b = np.asarray(a, float), np.asarray(b, float)
        d = b - a
        n = np.array([-d[1], d[0]]) / (np.linalg.norm(d) + 1e-9) * w / 2
        self.gpoly([a + n, b + n, b - n, a - n], col)

    def gdash(self, a, b, w, col, dash=3.0, gap=6.0):
        a, b = np.asarray(a, float), np.asarray(b, float)
        L = np.linalg.norm(b - a)
        d = (b - a) / L
        s = 0.0
        while s < L:
            e = min(L, s + dash)
            self.gline(a + d * s, a + d * e, w, col)
            s += dash + gap

    def shadow_poly(self, pts):
        self.shadow_polys.append(hull2d(pts))

    # --- depth ordering --------------------------------------------------
    def screen_box(self, o):
        xs, ys = [], []
        for x in (o.lo[0], o.hi[0]):
            for y in (o.lo[1], o.hi[1]):
                for z in (o.lo[2], o.hi[2]):
                    c = self.cam((x, y, z))
                    if c[2] < NEAR:
                        return (-1e9, -1e9, 1e9, 1e9)
                    s = self.scr(c)
                    xs.append(s[0])
                    ys.append(s[1])
        return (min(xs), min(ys), max(xs), max(ys))

    def behind(self, A, B):
        """-1 if A must be drawn before B, 1 if after, 0 if undecided."""
        eps = 1e-6
        for k in (0, 2, 1):
            if A.hi[k] <= B.lo[k] + eps:
                s = (A.hi[k] + B.lo[k]) / 2
                return -1 if self.pos[k] > s else 1
            if B.hi[k] <= A.lo[k] + eps:
                s = (B.hi[k] + A.lo[k]) / 2
                return 1 if self.pos[k] > s else -1
        return 0

    def order(self, objs):
        n = len(objs)
        if n <= 1:
            return list(objs)
        boxes = [self.screen_box(o) for o in objs]
        dist = [np.linalg.norm(o.center - self.pos) for o in objs]
        succ = [[] for _ in range(n)]
        indeg = [0] * n
        for i in range(n):
            bi = boxes[i]
            for j in range(i + 1, n):
                bj = boxes[j]
                if bi[2] < bj[0] or bj[2] < bi[0] or bi[3] < bj[1] or bj[3] < bi[1]:
                    continue
                r = self.behind(objs[i], objs[j])
                if r == 0:
                    continue
                a, b = (i, j) if r < 0 else (j, i)
                succ[a].append(b)
                indeg[b] += 1
        heap = [(-dist[i], i) for i in range(n) if indeg[i] == 0]
        heapq.heapify(heap)
        done = [False] * n
        out = []
        while len(out) < n:
            if not heap:
                # cycle: take the farthest remaining
                i = max((k for k in range(n) if not done[k]), key=lambda k: dist[k])
                indeg[i] = 0
                heapq.heappush(heap, (-dist[i], i))
            _, i = heapq.heappop(heap)
            if done[i]:
                continue
            done[i] = True
            out.append(objs[i])
            for j in succ[i]:
                indeg[j] -= 1
                if indeg[j] == 0 and not done[j]:
                    heapq.heappush(heap, (-dist[j], j))
        return out

    # --- background ------------------------------------------------------
    def background(self):
        rng = np.random.default_rng(self.seed + 1000)
        ys, xs = np.mgrid[0:RH, 0:RW].astype(np.float32)
        dx = (xs - self.cx) / self.F
        dy = -(ys - self.cy) / self.F
        del xs
        Dx = (self.right[0] * dx + self.up[0] * dy + self.fwd[0]).astype(np.float32)
        Dy = (self.right[1] * dx + self.up[1] * dy + self.fwd[1]).astype(np.float32)
        Dz = (self.right[2] * dx + self.up[2] * dy + self.fwd[2]).astype(np.float32)
        del dx, dy
        Dn = np.sqrt(Dx * Dx + Dy * Dy + Dz * Dz)
        el = np.arcsin(np.clip(Dy / Dn, -1, 1))
        out = np.zeros((RH, RW, 3), np.float32)

        # ---- sky
        sky = el >= 0
        t = np.clip(el / 0.7, 0, 1) ** 0.7
        for c in range(3):
            out[..., c] = np.where(sky, self.haze[c] * (1 - t) + self.zenith[c] * t, 0)
        # brighter haze band at the horizon
        band = np.exp(-np.maximum(el, 0) / 0.035) * 0.35
        for c in range(3):
            out[..., c] += np.where(sky, band * (244 - out[..., c]), 0)

        # ---- clouds on a plane 1800 m above the eye
        if self.clouds > 0:
            tex = make_noise(rng, 512, beta=3.2)
            tex2 = make_noise(rng, 512, beta=2.4)
            with np.errstate(divide='ignore', invalid='ignore'):
                tt = np.where(Dy > 0.01, 1800.0 / Dy, 0)
            px, pz = tt * Dx, tt * Dz
            cv = sample(tex, px / 45.0, pz / 45.0) + 0.3 * sample(tex2, px / 16.0, pz / 16.0)
            thr = 1.9 - 1.3 * self.clouds
            cov = smoothstep(thr, thr + 1.4, cv) * smoothstep(0.015, 0.12, el) * 0.85
            cov = np.where(Dy > 0.01, cov, 0)
            shade = np.clip(0.93 + 0.07 * (cv - thr), 0.86, 1.02)
            ccol = np.array([246, 246, 244], np.float32)
            for c in range(3):
                cc = ccol[c] * shade
                out[..., c] = out[..., c] * (1 - cov) + cc * cov
            del tt, px, pz, cv, cov, shade

        # ---- distant mountains (screen-space silhouette along the horizon)
        hd = nrm([self.fwd[0], 0, self.fwd[2]])
        hy = self.cy - self.F * (hd @ self.up) / (hd @ self.fwd)
        if self.mountains > 0:
            col = np.arange(RW, dtype=np.float32)
            ddx = (col - self.cx) / self.F
            ddy = -(hy - self.cy) / self.F
            vx = self.right[0] * ddx + self.up[0] * ddy + self.fwd[0]
            vz = self.right[2] * ddx + self.up[2] * ddy + self.fwd[2]
            az = np.arctan2(vx, vz) - self.mountain_az
            prof = np.zeros_like(az)
            for k, (fq, am) in enumerate(((3, 1.0), (7, 0.55), (13, 0.4), (29, 0.28), (61, 0.16), (117, 0.09), (233, 0.04))):
                ph = rng.uniform(0, 2 * math.pi)
                ph2 = rng.uniform(0, 2 * math.pi)
                prof += am * (np.sin(az * fq + ph) + 0.5 * np.sin(az * fq * 1.7 + ph2))
            # ridged look
            prof = 1.0 - np.abs(prof) * 0.25 + 0.35 * prof
            env = 0.5 + 0.5 * np.cos(np.clip(az, -2.2, 2.2) * 1.3)
            elev = np.clip((0.006 + 0.011 * prof) * env, 0.0005, None) * self.mountains * 1.6
            hpx = self.F * np.tan(elev)
            # foothills, a lower and nearer ridge
            prof2 = np.zeros_like(az)
            for fq, am in ((11, 0.6), (23, 0.3), (53, 0.15), (97, 0.06)):
                prof2 += am * np.sin(az * fq + rng.uniform(0, 6.28))
            hpx2 = self.F * np.tan(np.clip(0.0032 + 0.0016 * prof2, 0.0005, None) * (0.4 + 0.6 * env)) * self.mountains * 1.2
            rows = np.arange(RH, dtype=np.float32)[:, None]
            top = hy - hpx[None, :]
            m = (rows >= top) & (rows < hy + 1)
            rel = np.clip((hy - rows) / np.maximum(hpx[None, :], 1), 0, 1)   # 0 at base, 1 at crest
            far = np.array([150, 163, 182], np.float32)
            snow = np.array([218, 224, 234], np.float32)
            hmax = float(hpx.max())
            snow_h = hmax * (0.80 + 0.05 * np.sin(col * 0.011))[None, :]
            sm = smoothstep(snow_h, snow_h + 0.04 * hmax, (hy - rows)) * 0.85
            a_m = 0.42 + 0.25 * (1 - rel)     # haze stronger near the base
            for c in range(3):
                mc = far[c] * (1 - sm) + snow[c] * sm
                mc = mc * (1 - a_m) + out[..., c] * a_m
                out[..., c] = np.where(m & sky, mc, out[..., c])
            m2 = (rows >= hy - hpx2[None, :]) & (rows < hy + 1)
            near = np.array([160, 164, 168], np.float32)
            for c in range(3):
                mc = near[c] * 0.55 + out[..., c] * 0.45
                out[..., c] = np.where(m2 & sky, mc, out[..., c])
            del rows, m, rel, sm, m2

        # ---- ground
        gnd = Dy < -1e-5
        with np.errstate(divide='ignore', invalid='ignore'):
            tt = np.where(gnd, -self.pos[1] / Dy, 0).astype(np.float32)
        gx = (self.pos[0] + tt * Dx).astype(np.float32)
        gz = (self.pos[2] + tt * Dz).astype(np.float32)
        dist = (tt * Dn).astype(np.float32)
        del Dx, Dz, Dn, tt, el
        mpp = dist / self.F    # metres per pixel
        self.tex_big = make_noise(rng, 512, beta=3.0)
        self.tex_mid = make_noise(rng, 512, beta=2.0)
        self.tex_fine = make_noise(rng, 512, beta=0.6)
        self.tex_streak = make_noise(rng, 512, beta=1.8, aniso=4.0)
        n_big = sample(self.tex_big, gx / 6.0, gz / 6.0)
        n_mid = sample(self.tex_mid, gx / 1.6, gz / 1.6) * np.clip(1.6 - mpp / 1.6, 0, 1)
        n_fine = sample(self.tex_fine, gx / 0.18, gz / 0.18) * np.clip(1.3 - mpp / 0.18, 0, 1)
        dry = np.array([196, 180, 138], np.float32) * self.ground_tone
        olive = np.array([158, 152, 116], np.float32) * self.ground_tone
        soil = np.array([178, 156, 124], np.float32) * self.ground_tone
        a1 = smoothstep(-1.0, 1.0, n_big + 0.5 * sample(self.tex_mid, gx / 0.7, gz / 0.7))
        a2 = smoothstep(-0.2, 1.6, n_mid)
        for c in range(3):
            g = dry[c] * (1 - a1) + olive[c] * a1
            g = g * (1 - 0.45 * a2) + soil[c] * 0.45 * a2
            out[..., c] = np.where(gnd, g, out[..., c])
        # scattered dark shrubs / tufts near the camera
        tuft = smoothstep(1.2, 2.2, n_fine) * 0.4
        for c, kk in zip(range(3), (0.62, 0.66, 0.5)):
            out[..., c] = np.where(gnd, out[..., c] * (1 - tuft * (1 - kk)), out[..., c])
        self.gnd, self.gx, self.gz, self.gdist, self.mpp = gnd, gx, gz, dist, mpp
        self.n_mid, self.n_fine = n_mid, n_fine
        self.hy = hy
        return out

    # --- full render ----------------------------------------------------
    def render(self, path):
        for o in self.objects:
            o.add_shadow(self)
        arr = self.background()
        self.img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
        self.draw = ImageDraw.Draw(self.img)
        # ground materials
        for pts, col in self.ground_items:
            self.poly([(x, 0.0, z) for x, z in pts], col)
        arr = np.asarray(self.img).astype(np.float32)
        gnd = self.gnd
        # world-space texture on all ground surfaces
        streak = sample(self.tex_streak, self.gx / 0.5, self.gz / 0.5) * np.clip(1.3 - self.mpp / 0.5, 0, 1)
        tex = 1 + 0.035 * self.n_mid + self.tex_amp * (0.06 * self.n_fine + 0.03 * streak)
        arr *= np.where(gnd, tex, 1)[..., None]
        # soft ambient occlusion around footprints
        if self.ao_polys:
            m = Image.new('L', (RW, RH), 0)
            d = ImageDraw.Draw(m)
            for pts in self.ao_polys:
                cs = clip_near([self.cam((x, 0, z)) for x, z in pts])
                if len(cs) >= 3:
                    d.polygon([self.scr(c) for c in cs], fill=255)
            m = m.filter(ImageFilter.GaussianBlur(9))
            mm = np.asarray(m).astype(np.float32) / 255.0 * 0.22
            arr *= (1 - mm)[..., None]
        # cast shadows
        m = Image.new('L', (RW, RH), 0)
        d = ImageDraw.Draw(m)
        for pts in self.shadow_polys:
            if len(pts) < 3:
                continue
            cs = clip_near([self.cam((x, 0, z)) for x, z in pts])
            if len(cs) >= 3:
                d.polygon([self.scr(c) for c in cs], fill=255)
        for a, b, w in self.shadow_lines:
            ca, cb = self.cam((a[0], 0, a[1])), self.cam((b[0], 0, b[1]))
            if ca[2] > NEAR and cb[2] > NEAR:
                ww = max(1, int(self.F * w / ((ca[2] + cb[2]) / 2)))
                d.line([self.scr(ca), self.scr(cb)], fill=255, width=ww)
        m = m.filter(ImageFilter.GaussianBlur(2.2))
        mm = (np.asarray(m).astype(np.float32) / 255.0)
        mm = np.where(gnd, mm, 0)
        tint = np.array([0.50, 0.54, 0.66], np.float32)
        arr *= (1 - mm[..., None] * (1 - tint))
        # aerial haze on the ground
        a = (1 - np.exp(-self.gdist / self.haze_dist)) * self.haze_max
        a = np.where(gnd, a, 0)[..., None]
        arr = arr * (1 - a) + self.haze[None, None, :] * a
        self.img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
        self.draw = ImageDraw.Draw(self.img)
        del arr, a, mm
        for f in self.decals:
            f(self)
        # objects
        for o in self.order(self.objects):
            o.draw(self)
        for f in self.overlays:
            f(self)
        self.finish(path)

    def finish(self, path):
        img = self.img.resize((W, H), Image.LANCZOS)
        arr = np.asarray(img).astype(np.float32)
        rng = np.random.default_rng(self.seed + 7)
        # gentle tone curve + warm grade
        arr = 255 * (arr / 255) ** 0.97
        arr[..., 0] *= 1.01
        arr[..., 2] *= 0.985
        # vignette
        yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
        r = np.sqrt(((xx - W / 2) / (W / 2)) ** 2 + ((yy - H / 2) / (H / 2)) ** 2)
        arr *= (1 - 0.10 * np.clip(r - 0.55, 0, 1) ** 1.5)[..., None]
        # luminance grain; back off a little if the file would get too big
        base = np.clip(arr, 0, 255)
        for sigma, q in ((1.5, 82), (1.1, 82), (0.7, 82), (0.5, 80), (0.4, 78)):
            g = rng.normal(0, sigma, (H, W)).astype(np.float32)
            out = Image.fromarray(np.clip(base + g[..., None], 0, 255).astype(np.uint8), 'RGB')
            out.save(path, 'JPEG', quality=q, progressive=True, optimize=True)
            if os.path.getsize(path) <= MAX_BYTES:
                break
        self.jpeg_settings = (sigma, q)


# --------------------------------------------------------------------------
# face decorations
# --------------------------------------------------------------------------
def d_panels(spacing=1.0, vertical=False, dark=0.86, w=0.035, v0=0.0, v1=None, u0=0.0, u1=None):
    """Sandwich-panel joints."""
    def f(ctx):
        c = ctx.face.color * dark
        top = ctx.lv if v1 is None else v1
        right = ctx.lu if u1 is None else u1
        if vertical:
            u = u0 + spacing
            while u < right - 1e-6:
                ctx.vline(u, v0, top, w, c)
                u += spacing
        else:
            v = v0 + spacing
            while v < top - 1e-6:
                ctx.hline(v, u0, right, w, c)
                v += spacing
    return f


def d_band(v0, v1, col, u0=0.0, u1=None):
    def f(ctx):
        ctx.quad(u0, v0, ctx.lu if u1 is None else u1, v1, col)
    return f


def d_columns(step=6.0, w=0.28, dark=0.9, v1=None, start=None):
    """Column-line flashings of a steel frame."""
    def f(ctx):
        c = ctx.face.color * dark
        u = step if start is None else start
        while u < ctx.lu - 0.5:
            ctx.vline(u, 0, ctx.lv if v1 is None else v1, w, c)
            u += step
    return f


def d_gable_panels(spacing=1.0, dark=0.86, w=0.035, pilaster=6.0):
    def f(ctx):
        c = ctx.face.color * dark
        v = spacing
        while v < ctx.lv - 0.05:
            hw = ctx.lu / 2 * (1 - v / ctx.lv)
            ctx.hline(v, ctx.lu / 2 - hw, ctx.lu / 2 + hw, w, c)
            v += spacing
        if pilaster:
            u = pilaster
            while u < ctx.lu - 0.5:
                top = ctx.lv * (1 - abs(u - ctx.lu / 2) / (ctx.lu / 2))
                ctx.quad(u - 0.14, 0, u + 0.14, top, ctx.face.color * 0.9)
                u += pilaster
    return f


def door_sectional(ctx, uc, w, h, col=(196, 199, 203), frame=(64, 68, 74), windows=True, open_=False):
    fr = 0.16
    ctx.quad(uc - w / 2 - fr, 0, uc + w / 2 + fr, h + fr, frame)
    if open_:
        ctx.quad(uc - w / 2, 0, uc + w / 2, h, (30, 31, 33), light=1.0)
        ctx.quad(uc - w / 2, h - 0.6, uc + w / 2, h, col)
        return
    ctx.quad(uc - w / 2, 0, uc + w / 2, h, col)
    n = max(3, int(h / 0.55))
    for i in range(1, n):
        ctx.hline(h * i / n, uc - w / 2, uc + w / 2, 0.035, np.asarray(col) * 0.8)
    if windows:
        v = h * (n - 2) / n + 0.12
        k = 5
        for i in range(k):
            a = uc - w / 2 + w * (i + 0.2) / k
            b = uc - w / 2 + w * (i + 0.8) / k
            ctx.quad(a, v, b, v + h / n - 0.24, (48, 58, 68), light=1.0)


def door_dock(ctx, uc, w=3.0, h=3.0, base=1.2, col=(166, 174, 184), shelter=True):
    if shelter:
        ctx.quad(uc - w / 2 - 0.5, base - 0.05, uc + w / 2 + 0.5, base + h + 0.55, (40, 41, 44))
        ctx.quad(uc - w / 2 - 0.5, base + h + 0.2, uc + w / 2 + 0.5, base + h + 0.55, (232, 196, 40))
    ctx.quad(uc - w / 2, base, uc + w / 2, base + h, col)
    for i in range(1, 6):
        ctx.hline(base + h * i / 6, uc - w / 2, uc + w / 2, 0.03, np.asarray(col) * 0.8)
    # bumpers and leveller lip
    ctx.quad(uc - w / 2 + 0.1, base - 0.55, uc - w / 2 + 0.35, base - 0.1, (28, 28, 30))
    ctx.quad(uc + w / 2 - 0.35, base - 0.55, uc + w / 2 - 0.1, base - 0.1, (28, 28, 30))
    ctx.quad(uc - w / 2, base - 0.12, uc + w / 2, base - 0.02, (120, 120, 118))


def person_door(ctx, uc, w=1.0, h=2.2, col=(90, 96, 104)):
    ctx.quad(uc - w / 2 - 0.06, 0, uc + w / 2 + 0.06, h + 0.06, (60, 64, 70))
    ctx.quad(uc - w / 2, 0, uc + w / 2, h, col)


# --------------------------------------------------------------------------
# buildings
# --------------------------------------------------------------------------
def gable_roof(x0, z0, x1, z1, y, rh, roof_col, end_col, over=0.35, roof_deco=None, end_deco=None):
    """Low-pitch gable roof with its ridge along x; gable triangles flush with the walls."""
    zm = (z0 + z1) / 2
    X, Y, Z = np.eye(3)
    A = np.array((x0 - over, y, z0 - over))
    B = np.array((x1 + over, y, z0 - over))
    C = np.array((x1 + over, y + rh, zm))
    D = np.array((x0 - over, y + rh, zm))
    E = np.array((x1 + over, y, z1 + over))
    Fp = np.array((x0 - over, y, z1 + over))
    faces = []
    tw = z1 - z0
    # gable ends (flush with walls)
    west = [np.array((x0, y, z1)), np.array((x0, y, z0)), np.array((x0, y + rh, zm))]
    east = [np.array((x1, y, z0)), np.array((x1, y, z1)), np.array((x1, y + rh, zm))]
    faces.append(Face(west, end_col, frame=(west[0], -Z, Y, tw, rh), deco=end_deco))
    faces.append(Face(east, end_col, frame=(east[0], Z, Y, tw, rh), deco=end_deco))
    sl = np.linalg.norm(C - B)
    faces.append(Face([A, B, C, D], roof_col, frame=(A, X, nrm(D - A), x1 - x0 + 2 * over, sl),
                      deco=roof_deco, rect=True))
    faces.append(Face([E, Fp, D, C], roof_col, frame=(E, -X, nrm(C - E), x1 - x0 + 2 * over, sl),
                      deco=roof_deco, rect=True))
    p = Poly3(faces, ao=False)
    # the roof's centre must be inside: orient with explicit centre
    c = np.array(((x0 + x1) / 2, y + rh * 0.3, zm))
    for f in faces:
        f.orient(c)
    return p


def d_roof_seams(step=1.2, skylight_every=12.0, sky_len=None):
    def f(ctx):
        c = ctx.face.color * 0.9
        u = step
        while u < ctx.lu:
            ctx.vline(u, 0, ctx.lv, 0.05, c)
            u += step
        if skylight_every:
            u = skylight_every / 2
            while u < ctx.lu - 2:
                ctx.quad(u - 0.9, ctx.lv * 0.15, u + 0.9, ctx.lv * 0.85, (214, 222, 224))
                u += skylight_every
    return f


def lamp_post(x, z, h=9.0, arm=(1.2, 0.0), col=(120, 124, 130)):
    segs = [((x, 0, z), (x, h, z), 0.16),
            ((x, h, z), (x + arm[0], h + 0.2, z + arm[1]), 0.08)]
    ln = Lines(segs, col)
    head = box(x + arm[0] - 0.35, h - 0.05, z + arm[1] - 0.18, x + arm[0] + 0.35, h + 0.2,
               z + arm[1] + 0.18, (90, 94, 100), shadow=False)
    return Group([ln, head])


def fence(x0, z0, x1, z1, step=3.0, h=2.0, col=(128, 132, 136)):
    a, b = np.array((x0, z0), float), np.array((x1, z1), float)
    L = np.linalg.norm(b - a)
    n = max(1, int(L / step))
    segs = []
    for i in range(n + 1):
        p = a + (b - a) * i / n
        segs.append(((p[0], 0, p[1]), (p[0], h, p[1]), 0.06))
    segs.append(((x0, h, z0), (x1, h, z1), 0.05))
    segs.append(((x0, h * 0.5, z0), (x1, h * 0.5, z1), 0.02))
    segs.append(((x0, 0.15, z0), (x1, 0.15, z1), 0.03))
    return Lines(segs, col, shadow=True)


# --------------------------------------------------------------------------
# vehicles
# --------------------------------------------------------------------------
HEAD = {'+x': (1, 0), '-x': (-1, 0), '+z': (0, 1), '-z': (0, -1)}
FACE_OF = {(1, 0): 'e', (-1, 0): 'w', (0, 1): 'n', (0, -1): 's'}


class Local:
    """Vehicle frame: a = along heading from the rear, l = lateral (right +)."""

    def __init__(self, x, z, heading):
        self.ox, self.oz = x, z
        fx, fz = HEAD[heading]
        self.f = (fx, fz)
        self.r = (fz, -fx)
        self.f3 = np.array((fx, 0, fz), float)
        self.names = {'front': FACE_OF[self.f], 'back': FACE_OF[(-fx, -fz)],
                      'right': FACE_OF[self.r], 'left': FACE_OF[(-self.r[0], -self.r[1])],
                      'top': 'top', 'sides': 'sides'}

    def w(self, a, l):
        return (self.ox + self.f[0] * a + self.r[0] * l, self.oz + self.f[1] * a + self.r[1] * l)

    def box(self, a0, a1, l0, l1, y0, y1, color, deco=None, **kw):
        p, q = self.w(a0, l0), self.w(a1, l1)
        d = None
        if deco:
            d = {}
            for k, v in deco.items():
                d.setdefault(self.names[k], [])
                d[self.names[k]] += v if isinstance(v, list) else [v]
        return box(p[0], y0, p[1], q[0], y1, q[1], color, deco=d, **kw)

    def wheel(self, a, l0, l1, r, color=(36, 36, 38), hub=(150, 152, 156), n=14):
        ra, rb = [], []
        for k in range(n):
            t = 2 * math.pi * (k + 0.5) / n
            da, dy = math.cos(t) * r, r + math.sin(t) * r
            p = self.w(a + da, l0)
            q = self.w(a + da, l1)
            ra.append((p[0], dy, p[1]))
            rb.append((q[0], dy, q[1]))
        parts = [prism(ra, rb, color, shadow=False)]
        if hub is not None:
            side = l1 if l1 > 0 else l0
            out = side + (0.03 if side > 0 else -0.03)
            ha, hb = [], []
            for k in range(10):
                t = 2 * math.pi * (k + 0.5) / 10
                da, dy = math.cos(t) * r * 0.55, r + math.sin(t) * r * 0.55
                p, q = self.w(a + da, side), self.w(a + da, out)
                ha.append((p[0], dy, p[1]))
                hb.append((q[0], dy, q[1]))
            parts.append(prism(ha, hb, hub, shadow=False))
        return parts

    def front_at_end(self, ctx):
        return float(ctx.U @ self.f3) > 0


def truck(x, z, heading, trailer=(236, 236, 234), cab=(205, 40, 36), kind='box', tractor=True,
          reefer=False, stripe=None):
    L = Local(x, z, heading)
    parts = []
    tl = 13.6
    tcol = np.asarray(trailer, float)

    def t_side(ctx):
        ctx.quad(0, 0, ctx.lu, 0.16, (58, 60, 64))
        ctx.quad(0, ctx.lv - 0.1, ctx.lu, ctx.lv, tcol * 0.9)
        if kind == 'curtain':
            u = 0.7
            while u < ctx.lu - 0.2:
                ctx.vline(u, 0.16, ctx.lv - 0.1, 0.05, tcol * 0.86)
                u += 0.68
            ctx.hline(ctx.lv * 0.5, 0, ctx.lu, 0.04, tcol * 0.93)
        else:
            u = 1.13
            while u < ctx.lu - 0.2:
                ctx.vline(u, 0.16, ctx.lv - 0.1, 0.025, tcol * 0.9)
                u += 1.13
        if stripe is not None:
            ctx.quad(0.4, 0.45, ctx.lu - 0.4, 0.7, stripe)

    def t_back(ctx):
        ctx.quad(0.05, 0.05, ctx.lu - 0.05, ctx.lv - 0.05, tcol * 0.95)
        ctx.vline(ctx.lu / 2, 0.05, ctx.lv - 0.05, 0.03, (70, 72, 76))
        for u in (0.55, ctx.lu / 2 - 0.3, ctx.lu / 2 + 0.3, ctx.lu - 0.55):
            ctx.vline(u, 0.1, ctx.lv - 0.1, 0.05, (110, 112, 116))
        ctx.quad(0.1, -0.02, 0.45, 0.15, (190, 30, 25), light=1.0)
        ctx.quad(ctx.lu - 0.45, -0.02, ctx.lu - 0.1, 0.15, (190, 30, 25), light=1.0)

    parts.append(L.box(0, tl, -1.27, 1.27, 1.25, 4.0, tcol,
                       deco={'right': t_side, 'left': t_side, 'back': t_back}))
    parts.append(L.box(0.0, 0.2, -1.15, 1.15, 0.6, 1.25, (45, 46, 48)))
    for a in (1.9, 3.2, 4.5):
        for l0, l1 in ((0.55, 1.22), (-1.22, -0.55)):
            parts += L.wheel(a, l0, l1, 0.5)
    if reefer:
        def r_front(ctx):
            ctx.quad(0.15, 0.25, ctx.lu - 0.15, ctx.lv - 0.25, (70, 74, 78))
            for i in range(5):
                ctx.hline(0.35 + i * 0.25, 0.2, ctx.lu - 0.2, 0.04, (120, 124, 128))
        parts.append(L.box(tl, tl + 0.42, -1.0, 1.0, 2.3, 3.95, (214, 216, 218),
                           deco={'front': r_front, 'right': d_band(0.2, 0.5, (80, 84, 88)),
                                 'left': d_band(0.2, 0.5, (80, 84, 88))}))
    if tractor:
        ccol = np.asarray(cab, float)

        def c_front(ctx):
            ctx.glass(0.1, 1.32, ctx.lu - 0.1, 2.42, mull=0, frame=0.05)
            ctx.quad(0.1, 2.45, ctx.lu - 0.1, 2.62, ccol * 0.8)
            ctx.quad(0.45, 0.22, ctx.lu - 0.45, 1.05, (44, 46, 50))
            for i in range(5):
                ctx.hline(0.35 + i * 0.15, 0.5, ctx.lu - 0.5, 0.04, (84, 86, 90))
            ctx.quad(0.12, 0.05, 0.5, 0.3, (236, 236, 226), light=1.0)
            ctx.quad(ctx.lu - 0.5, 0.05, ctx.lu - 0.12, 0.3, (236, 236, 226), light=1.0)

        def c_side(ctx):
            fe = L.front_at_end(ctx)
            fu = ctx.lu if fe else 0.0
            s = -1 if fe else 1
            a, b = sorted((fu + s * 0.2, fu + s * 1.15))
            ctx.quad(a, 1.45, b, 2.4, (44, 54, 64), light=1.0)
            a2, b2 = sorted((fu + s * 0.12, fu + s * 1.4))
            ctx.vline(b2 if fe else a2, 0.1, 2.45, 0.03, ccol * 0.7)
            ctx.quad(0, 0, ctx.lu, 0.25, (60, 62, 66))
            if stripe is not None:
                ctx.quad(0.1, 0.5, ctx.lu - 0.1, 0.7, stripe)

        parts.append(L.box(tl + 0.55, tl + 2.85, -1.25, 1.25, 1.05, 3.8, ccol,
                           deco={'front': c_front, 'right': c_side, 'left': c_side}))
        # roof fairing
        parts.append(L.box(tl + 0.75, tl + 2.5, -1.15, 1.15, 3.8, 4.0, ccol * 0.92))
        parts.append(L.box(tl + 2.3, tl + 2.95, -1.25, 1.25, 0.4, 1.05, (58, 60, 64)))
        parts.append(L.box(tl + 0.55, tl + 2.3, -0.5, 0.5, 0.45, 1.05, (40, 40, 42)))
        parts.append(L.box(tl - 2.2, tl + 0.55, -0.5, 0.5, 0.55, 1.2, (46, 46, 48)))
        for l0, l1 in ((0.55, 1.22), (-1.22, -0.55)):
            parts += L.wheel(tl - 1.2, l0, l1, 0.5)
        for l0, l1 in ((0.9, 1.25), (-1.25, -0.9)):
            parts += L.wheel(tl + 1.8, l0, l1, 0.5)
        # fuel tank / side skirt
        parts.append(L.box(tl - 0.5, tl + 0.5, 0.55, 1.1, 0.45, 1.05, (150, 152, 156)))
    else:
        for l in (-0.9, 0.9):
            parts.append(L.box(tl - 2.2, tl - 2.0, l - 0.08, l + 0.08, 0.0, 1.25, (60, 62, 66)))
    return Group(parts)


def car(x, z, heading, color):
    L = Local(x, z, heading)
    col = np.asarray(color, float)

    def front(ctx):
        ctx.quad(0.1, 0.3, 0.42, 0.45, (232, 232, 224), light=1.0)
        ctx.quad(ctx.lu - 0.42, 0.3, ctx.lu - 0.1, 0.45, (232, 232, 224), light=1.0)
        ctx.quad(0.55, 0.15, ctx.lu - 0.55, 0.4, (40, 42, 46))

    def back(ctx):
        ctx.quad(0.08, 0.35, 0.4, 0.5, (170, 28, 24), light=1.0)
        ctx.quad(ctx.lu - 0.4, 0.35, ctx.lu - 0.08, 0.5, (170, 28, 24), light=1.0)

    def side(ctx):
        ctx.quad(0, 0, ctx.lu, 0.12, (40, 40, 42))
        ctx.hline(0.45, 0.2, ctx.lu - 0.2, 0.02, col * 0.8)

    parts = [L.box(0, 4.5, -0.88, 0.88, 0.25, 0.9, col,
                   deco={'front': front, 'back': back, 'right': side, 'left': side})]
    b = [L.w(1.15, -0.84), L.w(3.85, 0.84)]
    t = [L.w(1.75, -0.7), L.w(3.3, 0.7)]
    bx0, bx1 = sorted((b[0][0], b[1][0]))
    bz0, bz1 = sorted((b[0][1], b[1][1]))
    tx0, tx1 = sorted((t[0][0], t[1][0]))
    tz0, tz1 = sorted((t[0][1], t[1][1]))
    cab = frustum(bx0, bz0, bx1, bz1, 0.9, tx0, tz0, tx1, tz1, 1.42, (52, 62, 72), top_color=col)
    parts.append(cab)
    for a in (0.85, 3.65):
        parts += L.wheel(a, 0.88, 0.96, 0.31, hub=None, n=10)
        parts += L.wheel(a, -0.96, -0.88, 0.31, hub=None, n=10)
    return Group(parts)


# --------------------------------------------------------------------------
# scenes
# --------------------------------------------------------------------------
CONCRETE = (184, 182, 176)
ASPHALT = (92, 94, 97)
MARK = (232, 232, 226)
YELLOW = (226, 186, 46)
PANEL = (216, 219, 222)
DARKPANEL = (92, 98, 108)
ACCENT = (38, 96, 158)


def steppe_tufts(sc, n, x0, x1, z0, z1, keep=lambda x, z: True, seed=1, size=1.0, blades=(5, 9),
                 cols=((188, 172, 128), (150, 148, 108))):
    """Dry grass tufts scattered over the steppe near the camera."""
    rng = np.random.default_rng(seed)
    tufts = []
    while len(tufts) < n:
        x, z = rng.uniform(x0, x1), rng.uniform(z0, z1)
        if keep(x, z):
            tufts.append((x, z))

    def draw_tufts(s):
        items = sorted(tufts, key=lambda t: -((t[0] - s.pos[0]) ** 2 + (t[1] - s.pos[2]) ** 2))
        for x, z in items:
            dist = math.hypot(x - s.pos[0], z - s.pos[2])
            base = np.array(cols[0]) if rng.random() < 0.6 else np.array(cols[1])
            for b in range(int(rng.integers(*blades))):
                a = rng.uniform(0, 2 * math.pi)
                r0 = rng.uniform(0, 0.06) * size
                h = rng.uniform(0.12, 0.32) * size
                lean = rng.uniform(0.04, 0.14) * size
                p = (x + math.cos(a) * r0, 0, z + math.sin(a) * r0)
                q = (x + math.cos(a) * (r0 + lean), h, z + math.sin(a) * (r0 + lean))
                k = rng.uniform(0.75, 1.15)
                s.line3(p, q, 0.014, s.fog(base * k, dist))
    sc.decals.append(draw_tufts)


def apron_joints(sc, x0, z0, x1, z1, step=6.0, col=None):
    col = col or np.array(CONCRETE) * 0.86
    x = x0 + step
    while x < x1:
        sc.gline((x, z0), (x, z1), 0.05, col)
        x += step
    z = z0 + step
    while z < z1:
        sc.gline((x0, z), (x1, z), 0.05, col)
        z += step


def road_x(sc, z0, z1, x0=-600, x1=900, dashes=True, edge=True):
    sc.grect(x0, z0 - 1.2, x1, z1 + 1.2, (170, 160, 138))        # gravel shoulders
    sc.grect(x0, z0, x1, z1, ASPHALT)
    if edge:
        sc.gline((x0, z0 + 0.35), (x1, z0 + 0.35), 0.15, MARK)
        sc.gline((x0, z1 - 0.35), (x1, z1 - 0.35), 0.15, MARK)
    if dashes:
        sc.gdash((x0, (z0 + z1) / 2), (x1, (z0 + z1) / 2), 0.15, MARK, 3, 6)


def distant_buildings(sc, items):
    for (x0, z0, x1, z1, h, col) in items:
        sc.add(box(x0, 0, z0, x1, h, z1, col, deco={'sides': d_panels(1.5, dark=0.93)}))


def scene_production_hall(path):
    sc = Scene(11, pos=(-24, 8.0, -70), target=(25, 2.0, 0), fov=48,
               sun=(-0.78, 0.62, -0.42), clouds=0.45, mountains=0.45, mountain_az=0.3)
    x0, x1, z0, z1, eave, rh = 0.0, 72.0, 0.0, 36.0, 9.0, 2.3
    doors = (20, 28, 36, 44)
    # ground: concrete truck yard, access road, fence line
    sc.grect(-8, -42, 84, 0, CONCRETE)
    apron_joints(sc, -8, -42, 84, 0)
    sc.grect(-8, 0, 0, 40, CONCRETE)
    sc.grect(72, 0, 84, 40, CONCRETE)
    road_x(sc, -58, -50)
    sc.grect(22, -50, 36, -42, ASPHALT)
    for u in doors:
        sc.gline((u - 2.6, -0.2), (u - 2.6, -18), 0.14, YELLOW)
        sc.gline((u + 2.6, -0.2), (u + 2.6, -18), 0.14, YELLOW)
    for x in range(52, 84, 3):
        sc.gline((x, -37), (x, -42), 0.12, MARK)
    sc.gline((52, -37), (83, -37), 0.12, MARK)
    for (cx, cz, r) in ((27.5, -9, 0.9), (44.2, -11, 0.7), (20, -7, 0.6), (30, -30, 1.2)):
        pts = [(cx + r * math.cos(a) * 1.6, cz + r * math.sin(a)) for a in np.linspace(0, 6.28, 12)]
        sc.gpoly(pts, np.array(CONCRETE) * 0.88)

    wall_deco = [d_band(0, 1.2, DARKPANEL), d_panels(1.0, v0=1.2), d_columns(6.0, v1=eave),
                 d_band(eave - 0.9, eave - 0.55, ACCENT)]
    cz0, cz1, cx0, cx1, ch = -5.5, 0.0, 16.0, 48.0, 6.3

    def south(ctx):
        for f in wall_deco:
            f(ctx)
        for a in range(0, 72, 6):
            if 12 <= a < 50:
                continue
            ctx.glass(a + 0.6, 6.1, a + 5.4, 7.3, mull=1.2, tint=(1.15, 1.12, 1.08))
        for u in doors:
            door_sectional(ctx, u, 4.6, 5.0, open_=(u == 36))
        person_door(ctx, 52.5)
        person_door(ctx, 10.5)
        ctx.canopy_shadow(cx0, cx1, cz1 - cz0, ch)

    def side(ctx):
        for f in wall_deco:
            f(ctx)
        for a in range(3, int(ctx.lu) - 3, 6):
            ctx.glass(a + 0.6, 6.1, a + 5.4, 7.3, mull=1.2, tint=(1.15, 1.12, 1.08))
        if ctx.lu < 40:
            door_sectional(ctx, 12, 4.2, 4.8)
            person_door(ctx, 20)

    hall = box(x0, 0, z0, x1, eave, z1, PANEL, deco={'s': south, 'w': side, 'e': side, 'n': side})
    roof = gable_roof(x0, z0, x1, z1, eave, rh, (170, 175, 180), PANEL,
                      roof_deco=d_roof_seams(1.0, 9.0), end_deco=d_gable_panels(1.0))
    sc.add(hall, roof)

    # office annex (two storeys) attached to the front, east end
    def annex_s(ctx):
        ctx.quad(0, 0, ctx.lu, 0.6, DARKPANEL)
        for v0 in (0.9, 4.5):
            ctx.glass(0.8, v0, ctx.lu - 0.8, v0 + 2.2, mull=1.4)
        ctx.quad(1.4, 0, 4.2, 2.6, (60, 64, 70))
        ctx.glass(1.6, 0.05, 4.0, 2.5, mull=1.2)

    def annex_w(ctx):
        ctx.quad(0, 0, ctx.lu, 0.6, DARKPANEL)
        for v0 in (0.9, 4.5):
            ctx.glass(0.8, v0, ctx.lu - 0.8, v0 + 2.2, mull=1.4)

    sc.add(box(57, 0, -7.5, 72, 7.8, 0, (226, 228, 230),
               deco={'s': annex_s, 'w': annex_w, 'e': annex_w}))
    sc.add(box(66, 7.8, -5.5, 69, 9.0, -3.5, (170, 174, 178)))   # rooftop unit

    # steel loading canopy on columns
    sc.add(box(cx0, ch, cz0, cx1, ch + 0.4, cz1, (150, 156, 162),
               deco={'s': d_band(0.05, 0.35, ACCENT), 'top': d_panels(1.0, vertical=True, dark=0.93)}))
    for x in (16.2, 24, 32, 40, 47.8):
        sc.add(box(x - 0.15, 0, -5.4, x + 0.15, ch, -5.1, (78, 84, 92)))

    # trucks
    sc.add(truck(28, -0.4, '-z', trailer=(44, 82, 140), cab=(232, 232, 230), kind='curtain'))
    sc.add(truck(44, -0.4, '-z', trailer=(236, 236, 232), cab=(196, 44, 36)))
    sc.add(truck(68, -20, '-x', trailer=(214, 216, 214), cab=(40, 90, 150), kind='curtain'))
    sc.add(truck(-4, -1.0, '-z', trailer=(236, 236, 232), tractor=False))
    sc.add(truck(2, -1.0, '-z', trailer=(132, 40, 36), tractor=False, kind='curtain'))
    for i, colr in enumerate(((40, 44, 50), (220, 222, 224), (120, 124, 130), (150, 30, 30), (200, 202, 204))):
        sc.add(car(53.5 + i * 6, -42, '+z', colr))
    for x in (-6, 12, 30, 48, 66, 82):
        sc.add(lamp_post(x, -43.5, 9, arm=(0, 1.4)))
    sc.add(fence(-8, -44, 20, -44), fence(38, -44, 84, -44), fence(84, -44, 84, 40), fence(-8, -44, -8, 40))
    distant_buildings(sc, [(180, 150, 260, 200, 11, (206, 208, 210)),
                           (-260, 220, -170, 260, 9, (196, 190, 180))])
    sc.render(path)
    return sc


def d_roof_flat(skylights=True, step_x=12.0, step_z=12.0, rim=0.45):
    def f(ctx):
        c = ctx.face.color
        ctx.quad(0, 0, ctx.lu, rim, c * 1.06)
        ctx.quad(0, ctx.lv - rim, ctx.lu, ctx.lv, c * 1.06)
        ctx.quad(0, 0, rim, ctx.lv, c * 1.06)
        ctx.quad(ctx.lu - rim, 0, ctx.lu, ctx.lv, c * 1.06)
        if skylights:
            u = step_x / 2
            while u < ctx.lu - 3:
                v = 4.0
                while v < ctx.lv - 5:
                    ctx.quad(u - 0.8, v, u + 0.8, v + step_z * 0.55, (222, 228, 230))
                    v += step_z
                u += step_x
    return f


def scene_warehouse(path):
    sc = Scene(22, pos=(-36, 12.5, -48), target=(76, 3.5, 2), fov=58,
               sun=(-0.45, 0.62, -0.65), clouds=0.55, mountains=0.4, mountain_az=-0.6)
    X1, Z1, HH = 216.0, 74.0, 12.5
    sc.grect(-20, -66, 236, 0, ASPHALT)
    sc.grect(-20, 0, 0, 90, ASPHALT)
    sc.grect(-20, -66, 236, -64, (150, 150, 146))
    road_x(sc, -84, -76, edge=True)
    sc.grect(-8, -76, 6, -66, ASPHALT)
    # dock apron in concrete
    sc.grect(8, -18, 210, 0, (170, 170, 166))
    for x in range(12, 212, 4):
        sc.gline((x - 2, -0.2), (x - 2, -16), 0.12, YELLOW)
    # trailer parking stalls
    for x in np.arange(10, 232, 4.0):
        sc.gline((x, -42), (x, -62), 0.15, MARK)
    sc.gline((10, -42), (230, -42), 0.15, MARK)
    sc.gdash((8, -29), (230, -29), 0.15, MARK, 3, 5)

    doors = [14 + 4 * i for i in range(48)]

    def south(ctx):
        ctx.quad(0, 0, ctx.lu, 1.25, DARKPANEL)
        d_panels(1.0, v0=1.25)(ctx)
        d_columns(12.0, v1=HH)(ctx)
        ctx.quad(0, HH - 1.0, ctx.lu, HH - 0.6, ACCENT)
        for u in doors:
            if u < ctx.lu - 4:
                door_dock(ctx, u, 2.9, 3.0, base=1.25)
        ctx.canopy_shadow(8, 210, 2.8, 5.0)

    def side(ctx):
        ctx.quad(0, 0, ctx.lu, 1.25, DARKPANEL)
        d_panels(1.0, v0=1.25)(ctx)
        d_columns(12.0, v1=HH)(ctx)
        ctx.quad(0, HH - 1.0, ctx.lu, HH - 0.6, ACCENT)
        ctx.glass(30, 8.0, ctx.lu - 4, 9.2, mull=2.0, tint=(1.12, 1.1, 1.06))

    sc.add(box(0, 0, 0, X1, HH, Z1, (222, 225, 228), colors={'top': (178, 180, 182)},
               deco={'s': south, 'w': side, 'e': side, 'n': side, 'top': d_roof_flat()}))
    for (x, z) in ((40, 30), (80, 44), (120, 30), (160, 44), (196, 30)):
        sc.add(box(x, HH, z, x + 4, HH + 1.6, z + 2.5, (168, 172, 176),
                   deco={'top': d_band(0.4, 2.1, (120, 124, 128))}))
    # dock canopy strip
    sc.add(box(8, 5.0, -2.8, 210, 5.35, 0, (190, 194, 198), deco={'s': d_band(0.05, 0.3, ACCENT)}))

    # office block at the west end
    def off_w(ctx):
        ctx.quad(0, 0, ctx.lu, 0.5, DARKPANEL)
        ctx.glass(1.0, 0.8, ctx.lu - 1.0, 3.6, mull=1.5)
        ctx.glass(1.0, 4.5, ctx.lu - 1.0, 7.4, mull=1.5)

    def off_s(ctx):
        ctx.quad(0, 0, ctx.lu, 0.5, DARKPANEL)
        ctx.glass(1.0, 0.05, ctx.lu - 1.0, 7.4, mull=1.5, transoms=(3.9,))

    sc.add(box(-12, 0, -1, 0, 8.4, 30, (64, 70, 78), deco={'w': off_w, 's': off_s}))

    # trucks at the docks
    rng = np.random.default_rng(5)
    tcols = [(236, 236, 232), (226, 228, 228), (44, 82, 140), (132, 40, 36), (236, 236, 232),
             (70, 104, 84), (214, 216, 214)]
    ccols = [(205, 40, 36), (232, 232, 230), (40, 90, 150), (236, 150, 30), (60, 64, 70)]
    for k, i in enumerate((1, 2, 4, 7, 8, 9, 12, 15, 16, 19, 23, 24, 28, 31, 33, 37, 40, 41, 45)):
        u = doors[i]
        sc.add(truck(u, -0.5, '-z', trailer=tcols[k % len(tcols)], cab=ccols[k % len(ccols)],
                     tractor=(k % 3 == 1), kind='curtain' if k % 4 == 2 else 'box'))
    # dropped trailers in the stalls
    for k, x in enumerate(np.arange(12, 228, 4.0)):
        if rng.random() < 0.62:
            sc.add(truck(x, -42.5, '-z', trailer=tcols[(k * 3) % len(tcols)], tractor=False,
                         kind='curtain' if k % 5 == 2 else 'box'))
    sc.add(truck(150, -33, '-x', trailer=(236, 236, 232), cab=(205, 40, 36)))
    sc.add(truck(-2, -27, '+x', trailer=(44, 82, 140), cab=(232, 232, 230), kind='curtain'))
    for i, colr in enumerate(((40, 44, 50), (220, 222, 224), (120, 124, 130), (200, 202, 204), (60, 70, 90))):
        sc.add(car(-18.5, 4 + i * 3, '+x', colr))
    for x in range(0, 236, 30):
        sc.add(lamp_post(x, -64.8, 12, arm=(0, 1.5)))
    distant_buildings(sc, [(320, 120, 420, 180, 10, (200, 200, 198)),
                           (-300, 300, -200, 340, 12, (190, 186, 178))])
    sc.render(path)
    return sc


def pylon(x, z, h=27.0):
    """110 kV lattice tower for a line running along z; returns (object, attach points)."""
    segs = []
    lv = [(0.0, 2.6), (6.0, 1.9), (12.0, 1.35), (18.0, 0.85), (22.5, 0.7), (h, 0.5)]

    def corners(y, a):
        return [(x - a, y, z - a), (x + a, y, z - a), (x + a, y, z + a), (x - a, y, z + a)]
    for (y0, a0), (y1, a1) in zip(lv[:-1], lv[1:]):
        c0, c1 = corners(y0, a0), corners(y1, a1)
        for i in range(4):
            segs.append((c0[i], c1[i], 0.16))
            j = (i + 1) % 4
            segs.append((c0[i], c1[j], 0.05))
            segs.append((c0[j], c1[i], 0.05))
            segs.append((c1[i], c1[j], 0.06))
    att = []
    for y, span in ((18.0, 6.2), (22.5, 4.6)):
        for sgn in (-1, 1):
            tip = (x + sgn * span, y, z)
            segs.append(((x + sgn * 0.85, y, z - 0.8), tip, 0.07))
            segs.append(((x + sgn * 0.85, y, z + 0.8), tip, 0.07))
            segs.append(((x + sgn * 0.85, y + 1.6, z), tip, 0.05))
            segs.append((tip, (tip[0], y - 2.2, z), 0.06))    # insulator string
            att.append((tip[0], y - 2.2, z))
    top = (x, h + 1.5, z)
    segs.append(((x - 0.5, h, z), top, 0.06))
    segs.append(((x + 0.5, h, z), top, 0.06))
    att.append(top)
    return Lines(segs, (104, 108, 112)), att


def catenary(a, b, sag, n=24):
    a, b = np.asarray(a, float), np.asarray(b, float)
    pts = []
    for i in range(n + 1):
        t = i / n
        p = a + (b - a) * t
        p[1] -= 4 * sag * t * (1 - t)
        pts.append(p)
    return pts


def d_stripes(step=0.3, cols=((200, 36, 30), (240, 240, 236)), axis='v', start=0.0):
    def f(ctx):
        if axis == 'v':
            v, i = start, 0
            while v < ctx.lv - 1e-6:
                ctx.quad(0, v, ctx.lu, min(ctx.lv, v + step), cols[i % 2])
                v += step
                i += 1
        else:
            u, i = 0.0, 0
            while u < ctx.lu - 1e-6:
                ctx.quad(u, 0, min(ctx.lu, u + step), ctx.lv, cols[i % 2])
                u += step
                i += 1
    return f


def scene_land_plot(path):
    sc = Scene(33, pos=(-1.0, 6.5, -8), target=(30, 0.0, 120), fov=62,
               sun=(-0.55, 0.55, -0.6), clouds=0.6, mountains=1.25, mountain_az=0.25, haze_dist=1700)
    rng = np.random.default_rng(3)
    # access road running north, with a turn-off into the plot
    sc.grect(-11.5, -20, -0.5, 3000, (176, 164, 140))
    sc.grect(-10, -20, -2, 3000, ASPHALT)
    sc.gline((-9.7, -20), (-9.7, 3000), 0.15, MARK)
    sc.gline((-2.3, -20), (-2.3, 3000), 0.15, MARK)
    sc.gdash((-6, -20), (-6, 3000), 0.15, MARK, 3, 9)
    px0, px1, pz0, pz1 = 8.0, 190.0, 40.0, 260.0
    sc.grect(-2, 58, px0 + 6, 70, ASPHALT)
    sc.gline((-2.3, 58), (-2.3, 70), 0.3, ASPHALT)
    # the levelled plot with grader striations
    sc.grect(px0 - 1.5, pz0 - 1.5, px1 + 1.5, pz1 + 1.5, (170, 150, 118))
    sc.grect(px0, pz0, px1, pz1, (206, 188, 156))
    for i, x in enumerate(np.arange(px0 + 1.5, px1, 3.2)):
        sc.gline((x, pz0 + 0.5), (x, pz1 - 0.5), 1.1, (194, 175, 143) if i % 2 else (214, 198, 168))
    for k in range(7):
        x = rng.uniform(px0 + 10, px1 - 10)
        sc.gline((x, pz0 + 2), (x + rng.uniform(-20, 20), pz1 - 2), 0.35, (176, 158, 128))
    # boundary posts
    posts = []
    for (a, b) in (((px0, pz0), (px1, pz0)), ((px1, pz0), (px1, pz1)),
                   ((px1, pz1), (px0, pz1)), ((px0, pz1), (px0, pz0))):
        a, b = np.array(a), np.array(b)
        n = int(np.linalg.norm(b - a) / 22)
        for i in range(n):
            posts.append(a + (b - a) * i / n)
    for p in posts:
        corner = any(np.allclose(p, c) for c in ((px0, pz0), (px1, pz0), (px1, pz1), (px0, pz1)))
        hh = 1.8 if corner else 1.3
        w = 0.14 if corner else 0.1
        sc.add(box(p[0] - w, 0, p[1] - w, p[0] + w, hh, p[1] + w, (236, 236, 232),
                   deco={'sides': d_stripes(0.3, start=hh - 0.9)}))
    # compact transformer substation at the plot corner
    def ktp(ctx):
        ctx.quad(0, 0, ctx.lu, 0.3, (120, 122, 126))
        for u in (0.5, ctx.lu / 2 + 0.2):
            ctx.quad(u, 0.35, u + ctx.lu / 2 - 0.7, 2.2, np.array((220, 222, 224)) * 0.94)
            ctx.vline(u + 0.1, 1.0, 1.6, 0.05, (90, 94, 100))
    sc.add(box(px0 + 3, 0, pz0 + 6, px0 + 6.5, 2.6, pz0 + 8.4, (222, 224, 226), deco={'sides': ktp},
               colors={'top': (150, 154, 160)}))
    # delineator posts along the road
    for zz in np.arange(10, 700, 40.0):
        for xx in (-11.2, -0.9):
            sc.add(box(xx - 0.06, 0, zz - 0.06, xx + 0.06, 1.1, zz + 0.06, (238, 238, 236),
                       deco={'sides': d_band(0.85, 1.0, (30, 30, 30))}))
    # power line along the road
    wires = []
    atts = []
    for zz in (-150, 124, 398, 672, 946, 1220, 1494, 1768):
        obj, att = pylon(-24, zz)
        sc.add(obj)
        atts.append(att)
    for a, b in zip(atts[:-1], atts[1:]):
        for pa, pb in zip(a, b):
            wires.append(catenary(pa, pb, 6.5))

    def draw_wires(s):
        for w in wires:
            s.polyline3(w, 0.028, s.fog(np.array((70, 72, 76)), 60))
    sc.overlays.append(draw_wires)
    def keep(x, z):
        return not (-12.5 < x < 0.5) and not (px0 - 2 < x and z > pz0 - 2) and not (-2 < x < px0 + 7 and 57 < z < 71)
    steppe_tufts(sc, 1500, -50, 90, 0, 45, keep=keep, seed=4)
    steppe_tufts(sc, 110, -60, 90, 2, 80, keep=keep, seed=5, size=1.9, blades=(14, 22),
                 cols=((132, 136, 104), (150, 146, 112)))
    # the industrial park far away
    distant_buildings(sc, [(120, 900, 260, 980, 12, (214, 214, 212)),
                           (300, 860, 360, 920, 9, (200, 196, 186)),
                           (-160, 1200, -60, 1260, 14, (206, 208, 210)),
                           (420, 1300, 600, 1380, 11, (212, 212, 210))])
    sc.add(truck(-4.5, 420, '-z', trailer=(236, 236, 232), cab=(205, 40, 36)))
    sc.render(path)
    return sc


def scene_office(path):
    sc = Scene(44, pos=(-13, 2.0, -42), target=(21, 5.5, 6), fov=56,
               sun=(-0.62, 0.66, -0.42), clouds=0.5, mountains=0.5, mountain_az=0.6)
    BX1, BZ1, FL, N = 44.0, 16.0, 3.7, 3
    HT = FL * N + 0.9
    # sidewalk, lawn, car park
    sc.grect(-8, -6.5, 52, 0, (196, 192, 184))
    for x in np.arange(-8, 52, 1.0):
        sc.gline((x, -6.5), (x, 0), 0.03, (170, 166, 158))
    sc.grect(-8, -9.5, 52, -6.5, (128, 146, 86))
    sc.grect(-8, -9.7, 52, -9.5, (210, 208, 202))
    sc.grect(-10, -34, 56, -9.7, ASPHALT)
    sc.grect(-10, -34.2, 56, -34, (210, 208, 202))
    sc.grect(-40, -46, 90, -36, ASPHALT)
    sc.gdash((-40, -41), (90, -41), 0.15, MARK, 3, 6)
    sc.grect(16, -36, 24, -34, ASPHALT)
    for x in np.arange(-6, 52, 2.6):
        sc.gline((x, -9.8), (x, -14.8), 0.12, MARK)
        sc.gline((x, -34), (x, -29), 0.12, MARK)
    sc.gline((-6, -14.8), (50, -14.8), 0.12, MARK)
    sc.gline((-6, -29), (50, -29), 0.12, MARK)
    sc.grect(16.5, -9.7, 23.5, -6.5, (196, 192, 184))   # path through the lawn
    sc.grect(-8, 0, 0, 22, (196, 192, 184))
    sc.grect(44, 0, 52, 22, (196, 192, 184))

    body = (226, 222, 212)

    def front(ctx):
        ctx.quad(0, 0, ctx.lu, 0.45, (120, 120, 118))
        for f in range(N):
            v0 = f * FL
            ctx.hline(v0 + 0.0, 0, ctx.lu, 0.04, np.array(body) * 0.9)
            for (a, b) in ((1.2, 17.4), (26.6, ctx.lu - 1.2)):
                ctx.quad(a - 0.1, v0 + 0.85, b + 0.1, v0 + 3.15, (86, 90, 96))
                ctx.glass(a, v0 + 0.95, b, v0 + 3.05, mull=1.6, frame=0.07)
        # full-height entrance curtain wall
        ctx.quad(17.6, 0, 26.4, HT - 0.4, (70, 76, 84))
        ctx.glass(17.8, 0.05, 26.2, HT - 0.6, mull=1.4, transoms=tuple(FL * k for k in range(1, N)), frame=0.09)
        ctx.quad(20.6, 0.0, 23.4, 2.6, (50, 56, 64))
        ctx.glass(20.7, 0.0, 23.3, 2.5, mull=1.3, frame=0.06)
        ctx.quad(0, HT - 0.55, ctx.lu, HT - 0.25, (150, 128, 96))

    def end(ctx):
        ctx.quad(0, 0, ctx.lu, 0.45, (120, 120, 118))
        for f in range(N):
            v0 = f * FL
            ctx.quad(2.9, v0 + 0.85, ctx.lu - 2.9, v0 + 3.15, (86, 90, 96))
            ctx.glass(3.0, v0 + 0.95, ctx.lu - 3.0, v0 + 3.05, mull=1.6, frame=0.07)
        ctx.quad(0, HT - 0.55, ctx.lu, HT - 0.25, (150, 128, 96))

    sc.add(box(0, 0, 0, BX1, HT, BZ1, body, colors={'top': (170, 170, 168)},
               deco={'s': front, 'w': end, 'e': end, 'n': end, 'top': d_roof_flat(False, rim=0.3)}))
    sc.add(box(6, HT, 5, 11, HT + 1.8, 9, (180, 184, 188), deco={'sides': d_panels(0.3, dark=0.9)}))
    sc.add(box(30, HT, 6, 33, HT + 1.3, 10, (172, 176, 180)))
    # entrance canopy
    sc.add(box(16.8, 3.9, -3.2, 27.2, 4.25, 0, (236, 236, 234), deco={'s': d_band(0.05, 0.3, (150, 128, 96))},
               colors={'bottom': (214, 214, 210)}, bottom=True))
    for x in (17.2, 26.8):
        sc.add(box(x - 0.11, 0, -2.95, x + 0.11, 3.9, -2.73, (96, 100, 106)))
    # young trees on the lawn and around the car park
    for x in np.arange(-5, 52, 6.5):
        if 15 < x < 25:
            continue
        sc.add(Tree(x, -8.0, h=4.6, r=0.95, col=(96, 126, 58)))
    for z in (-14, -24):
        sc.add(Tree(-9, z, h=4.3, r=0.9, col=(96, 126, 58)))
    # cars
    cols = [(220, 222, 224), (40, 44, 50), (120, 124, 130), (26, 60, 110), (200, 202, 204),
            (150, 30, 30), (236, 236, 236), (80, 84, 90), (180, 176, 160)]
    rng = np.random.default_rng(8)
    k = 0
    for i, x in enumerate(np.arange(-6, 50, 2.6)):
        if rng.random() < 0.55:
            sc.add(car(x + 1.3, -14.6, '+z', cols[k % len(cols)]))
            k += 1
        if rng.random() < 0.5 and x > 40:
            sc.add(car(x + 1.3, -29.2, '-z', cols[(k * 2) % len(cols)]))
            k += 1
    for x in (-7, 12, 31, 50):
        sc.add(lamp_post(x, -9.6, 7.5, arm=(0, -1.2)))
    # neighbouring production halls
    sc.add(box(70, 0, 30, 140, 10, 80, PANEL, deco={'sides': [d_band(0, 1.2, DARKPANEL), d_panels(1.0, v0=1.2)]}))
    sc.add(gable_roof(70, 30, 140, 80, 10, 2.4, (170, 175, 180), PANEL))
    distant_buildings(sc, [(-160, 160, -80, 210, 9, (206, 206, 204))])
    sc.render(path)
    return sc


def scene_customs(path):
    sc = Scene(55, pos=(-17, 5.6, -30), target=(18, 5.6, 16), fov=58,
               sun=(-0.7, 0.6, -0.38), clouds=0.4, mountains=0.7, mountain_az=0.1)
    LW, NL = 6.0, 6
    CX0, CX1, CZ0, CZ1, CY = 0.0, LW * NL, -2.0, 30.0, 7.4
    sc.grect(-40, -80, 90, 200, ASPHALT)
    # lane lines before and after the canopy
    for i in range(NL + 1):
        x = CX0 + i * LW
        sc.gline((x, -70), (x, CZ0 + 0.5), 0.15, MARK)
        sc.gline((x, CZ1), (x, 190), 0.15, MARK)
    # stop lines and hatching
    for i in range(NL):
        sc.gline((i * LW + 0.9, -1.0), (i * LW + LW - 0.9, -1.0), 0.4, MARK)
    for z in np.arange(-70, -46, 2.5):
        sc.gline((-12, z), (-4, z + 3), 0.3, YELLOW)
    for i in range(NL + 1):
        x = CX0 + i * LW
        for z in np.arange(-9.5, 0.5, 1.6):
            sc.gline((x - 0.7, z), (x + 0.7, z + 1.2), 0.22, YELLOW)
        sc.gline((x - 0.7, -10), (x - 0.7, 1.0), 0.15, YELLOW)
        sc.gline((x + 0.7, -10), (x + 0.7, 1.0), 0.15, YELLOW)
    sc.gline((-3.5, -70), (-3.5, 190), 0.15, YELLOW)
    sc.grect(-40, -80, 90, -79, (150, 150, 146))

    # lane islands with booths and canopy columns
    for i in range(NL + 1):
        x = CX0 + i * LW
        def island(ctx):
            d_stripes(0.5, cols=((30, 30, 30), (232, 190, 40)), axis='u')(ctx)
        sc.add(box(x - 0.7, 0, 1.0, x + 0.7, 0.25, 27.0, (196, 194, 188),
                   deco={'s': island, 'n': island}))
        for zc in (5.0, 22.0):
            sc.add(box(x - 0.25, 0.25, zc - 0.25, x + 0.25, CY, zc + 0.25, (150, 156, 164),
                       deco={'sides': d_band(0, 1.0, (232, 190, 40))}))
        if 0 < i < NL:
            def booth(ctx):
                ctx.quad(0, 0, ctx.lu, 0.9, (200, 202, 204))
                ctx.glass(0.05, 0.9, ctx.lu - 0.05, 2.4, mull=0.6, frame=0.05)
            sc.add(box(x - 0.55, 0.25, 11.0, x + 0.55, 2.85, 14.5, (210, 212, 214), deco={'sides': booth},
                       colors={'top': (170, 174, 178)}))
            sc.add(box(x - 0.7, 2.85, 10.8, x + 0.7, 3.0, 14.7, (150, 156, 164)))
    # the canopy: slab with a fascia and lit soffit
    def soffit(ctx):
        u = 1.5
        while u < ctx.lu:
            v = 2.0
            while v < ctx.lv - 1:
                ctx.quad(u - 0.5, v - 0.15, u + 0.5, v + 0.15, (250, 250, 240), light=1.0)
                v += 4.0
            u += LW / 2
    fascia = [d_band(0.0, 1.6, (236, 238, 240)), d_band(0.95, 1.25, ACCENT)]
    sc.add(box(CX0 - 3, CY, CZ0, CX1 + 3, CY + 1.6, CZ1, (236, 238, 240),
               deco={'s': fascia, 'n': fascia, 'w': fascia, 'e': fascia, 'bottom': soffit},
               colors={'top': (180, 182, 184), 'bottom': (196, 198, 200)}, lights={'bottom': 0.86}, bottom=True))
    # lane signals under the fascia
    for i in range(NL):
        xc = CX0 + i * LW + LW / 2
        sc.add(box(xc - 0.35, CY - 0.7, CZ0 + 0.1, xc + 0.35, CY - 0.05, CZ0 + 0.4, (40, 42, 46),
                   deco={'s': d_band(0.12, 0.52, (40, 190, 80) if i % 2 else (220, 40, 30), 0.18, 0.52)}))
    # barriers at the exit of every lane
    for i in range(NL):
        x = CX0 + i * LW
        sc.add(box(x + 0.3, 0.25, -0.2, x + 0.65, 1.25, 0.15, (236, 200, 40)))
        open_ = (i == 4)
        if open_:
            sc.add(box(x + 0.4, 1.25, -0.1, x + 0.55, 5.2, 0.05, (240, 240, 236),
                       deco={'sides': d_stripes(0.5, axis='v')}))
        else:
            sc.add(box(x + 0.65, 1.0, -0.1, x + LW - 0.5, 1.14, 0.05, (240, 240, 236),
                       deco={'s': d_stripes(0.5, axis='u'), 'n': d_stripes(0.5, axis='u'),
                             'top': d_stripes(0.5, axis='u')}))
    # trucks queued, heading south towards the camera
    tcols = [(236, 236, 232), (44, 82, 140), (132, 40, 36), (214, 216, 214), (70, 104, 84), (236, 236, 232)]
    ccols = [(205, 40, 36), (232, 232, 230), (40, 90, 150), (236, 150, 30), (60, 64, 70), (232, 232, 230)]
    k = 0
    for i, nq in enumerate((3, 4, 2, 3, 1, 0)):
        xc = CX0 + i * LW + LW / 2 - 0.2
        z = 1.3 + 16.7
        for j in range(nq):
            sc.add(truck(xc, z, '-z', trailer=tcols[k % 6], cab=ccols[(k + i) % 6],
                         kind='curtain' if k % 3 == 1 else 'box'))
            k += 1
            z += 18.5
    # terminal building
    def tb_e(ctx):
        ctx.quad(0, 0, ctx.lu, 0.5, DARKPANEL)
        ctx.glass(1.0, 0.8, ctx.lu - 1.0, 3.4, mull=1.5)
        ctx.glass(1.0, 4.4, ctx.lu - 1.0, 7.0, mull=1.5)

    def tb_s(ctx):
        ctx.quad(0, 0, ctx.lu, 0.5, DARKPANEL)
        ctx.glass(1.0, 0.8, 5.0, 3.4, mull=1.5)
        ctx.glass(1.0, 4.4, ctx.lu - 1.0, 7.0, mull=1.5)
        ctx.quad(6.0, 0, ctx.lu - 1.0, 3.4, (70, 76, 84))
        ctx.glass(6.2, 0.05, ctx.lu - 1.2, 3.3, mull=1.2, frame=0.07)
        ctx.quad(0, 7.6, ctx.lu, 8.0, ACCENT)

    sc.add(box(46, 0, 8, 64, 8.2, 40, (226, 228, 230), deco={'e': tb_e, 's': tb_s, 'w': tb_e, 'n': tb_e},
               colors={'top': (176, 178, 180)}))
    sc.grect(44, -4, 66, 8, (196, 192, 184))
    for i, colr in enumerate(((40, 44, 50), (220, 222, 224), (120, 124, 130), (200, 202, 204))):
        sc.add(car(48 + i * 3.0, 1.5, '+z', colr))
    for z in (40, 80, 120):
        sc.add(lamp_post(-6, z, 14, arm=(1.5, 0)))
    for z in (-10, 50, 100):
        sc.add(lamp_post(42, z, 14, arm=(-1.5, 0)))
    sc.add(fence(-40, -78, 90, -78, h=2.4))
    sc.render(path)
    return sc


def d_fans(n=3, r=0.75):
    def f(ctx):
        ctx.quad(0.05, 0.05, ctx.lu - 0.05, ctx.lv - 0.05, np.array(ctx.face.color) * 0.95)
        long_u = ctx.lu > ctx.lv
        for i in range(n):
            if long_u:
                cu, cv = ctx.lu * (i + 0.5) / n, ctx.lv / 2
            else:
                cu, cv = ctx.lu / 2, ctx.lv * (i + 0.5) / n
            pts = [(cu + math.cos(a) * r, cv + math.sin(a) * r) for a in np.linspace(0, 2 * math.pi, 20)[:-1]]
            ctx.poly(pts, (52, 54, 58))
            pts = [(cu + math.cos(a) * r * 0.82, cv + math.sin(a) * r * 0.82) for a in np.linspace(0, 2 * math.pi, 20)[:-1]]
            ctx.poly(pts, (34, 36, 40))
            for a in np.linspace(0, math.pi, 4)[:-1]:
                ctx.poly([(cu + math.cos(a) * r * 0.8, cv + math.sin(a) * r * 0.8),
                          (cu + math.cos(a) * r * 0.8 + 0.04, cv + math.sin(a) * r * 0.8 + 0.04),
                          (cu - math.cos(a) * r * 0.8 + 0.04, cv - math.sin(a) * r * 0.8 + 0.04),
                          (cu - math.cos(a) * r * 0.8, cv - math.sin(a) * r * 0.8)], (90, 94, 100))
            pts = [(cu + math.cos(a) * 0.15, cv + math.sin(a) * 0.15) for a in np.linspace(0, 2 * math.pi, 10)[:-1]]
            ctx.poly(pts, (150, 154, 160))
    return f


def scene_cold_store(path):
    sc = Scene(66, pos=(-34, 23, -56), target=(31, 5, 16), fov=51,
               sun=(-0.7, 0.62, -0.5), clouds=0.5, mountains=0.6, mountain_az=-0.2, tex_amp=0.3)
    X1, ZM0, Z1, HM, HA = 66.0, 14.0, 60.0, 14.5, 7.6
    WHITE = (240, 242, 244)
    sc.grect(-14, -44, 84, 0, CONCRETE)
    apron_joints(sc, -14, -44, 84, 0)
    sc.grect(-14, 0, 0, 70, CONCRETE)
    sc.grect(X1, 0, 84, 70, CONCRETE)
    road_x(sc, -60, -52)
    sc.grect(56, -52, 70, -44, ASPHALT)
    doors = [7 + 7.5 * i for i in range(8)]
    for u in doors:
        sc.gline((u - 1.9, -0.2), (u - 1.9, -17), 0.14, YELLOW)
        sc.gline((u + 1.9, -0.2), (u + 1.9, -17), 0.14, YELLOW)

    def main_side(ctx):
        ctx.quad(0, 0, ctx.lu, 0.5, (190, 194, 198))
        d_panels(1.15, vertical=True, dark=0.9, w=0.04)(ctx)
        ctx.quad(0, HM - 1.1, ctx.lu, HM - 0.4, ACCENT)
        ctx.quad(0, HM - 0.4, ctx.lu, HM, np.array(WHITE) * 0.97)

    sc.add(box(0, 0, ZM0, X1, HM, Z1, WHITE, colors={'top': (206, 208, 210)},
               deco={'s': main_side, 'w': main_side, 'e': main_side, 'n': main_side,
                     'top': d_roof_flat(False, rim=0.4)}))

    def annex_s(ctx):
        ctx.quad(0, 0, ctx.lu, 1.25, (120, 126, 134))
        d_panels(1.0, dark=0.9, v0=1.25)(ctx)
        ctx.quad(0, HA - 0.7, ctx.lu, HA - 0.3, ACCENT)
        for u in doors:
            door_dock(ctx, u, 2.9, 3.0, base=1.25, col=(212, 220, 230))
        ctx.canopy_shadow(4, X1 - 4, 2.6, 5.0)

    def annex_w(ctx):
        ctx.quad(0, 0, ctx.lu, 1.25, (120, 126, 134))
        d_panels(1.0, dark=0.9, v0=1.25)(ctx)
        ctx.quad(0, HA - 0.7, ctx.lu, HA - 0.3, ACCENT)
        person_door(ctx, 4.0, col=(200, 204, 208))
        ctx.glass(7.0, 4.2, 11.5, 5.8, mull=1.1)

    sc.add(box(0, 0, 0, X1, HA, ZM0, WHITE, colors={'top': (206, 208, 210)},
               deco={'s': annex_s, 'w': annex_w, 'e': annex_w, 'top': d_roof_flat(False, rim=0.3)}))
    sc.add(box(4, 5.0, -2.6, X1 - 4, 5.3, 0, (220, 224, 228), deco={'s': d_band(0.04, 0.26, ACCENT)}))
    # condenser units on the roofs
    for zc in (24.0, 34.0, 44.0):
        for xc in (10.0, 24.0, 38.0):
            sc.add(box(xc, HM + 0.5, zc, xc + 8.4, HM + 2.1, zc + 2.3, (186, 190, 194),
                       deco={'top': d_fans(3, 0.85), 'sides': d_panels(0.2, dark=0.92, w=0.03)}))
            sc.add(box(xc + 0.3, HM, zc + 0.3, xc + 8.1, HM + 0.5, zc + 2.0, (120, 124, 130), shadow=False))
    for xc in (8.0, 20.0, 32.0, 44.0):
        sc.add(box(xc, HA + 0.4, 4.0, xc + 5.6, HA + 1.6, 6.2, (186, 190, 194),
                   deco={'top': d_fans(2, 0.8), 'sides': d_panels(0.2, dark=0.92, w=0.03)}))
        sc.add(box(xc + 0.3, HA, 4.2, xc + 5.3, HA + 0.4, 6.0, (120, 124, 130), shadow=False))
    # refrigerant piping racks
    sc.add(box(52, HM, 26, 53, HM + 0.5, 47, (150, 154, 160)))
    sc.add(box(54, HM, 20, 60, HM + 3.0, 26, (196, 200, 204), deco={'sides': d_panels(0.25, dark=0.9, w=0.04)}))

    # reefer trucks
    REEF = (242, 242, 242)
    for i, cab in ((1, (205, 40, 36)), (2, None), (4, (40, 90, 150)), (6, (232, 232, 230))):
        sc.add(truck(doors[i], -0.5, '-z', trailer=REEF, cab=cab or (0, 0, 0), tractor=cab is not None,
                     reefer=True, stripe=ACCENT if i % 2 == 0 else None))
    sc.add(truck(-1, -22, '+x', trailer=REEF, cab=(232, 232, 230), reefer=True, stripe=ACCENT))
    for i, colr in enumerate(((40, 44, 50), (220, 222, 224), (120, 124, 130))):
        sc.add(car(-11.5, 22 + i * 3, '+x', colr))
    for z in (-30, 0, 30, 60):
        sc.add(lamp_post(82.5, z, 10, arm=(-1.4, 0)))
    sc.add(fence(-14, -46, 54, -46), fence(72, -46, 84, -46), fence(84, -46, 84, 70), fence(-14, -46, -14, 70))
    sc.render(path)
    return sc


SCENES = {
    'production-hall.jpg': scene_production_hall,
    'warehouse.jpg': scene_warehouse,
    'land-plot.jpg': scene_land_plot,
    'office.jpg': scene_office,
    'customs-terminal.jpg': scene_customs,
    'cold-store.jpg': scene_cold_store,
}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    only = sys.argv[2:] if len(sys.argv) > 2 else None
    for name, fn in SCENES.items():
        if only and name not in only:
            continue
        path = os.path.join(out, name)
        sc = fn(path)
        extra = f" (grain {sc.jpeg_settings[0]}, q{sc.jpeg_settings[1]})" if sc is not None else ""
        print(f"{name}: {os.path.getsize(path)} bytes{extra}")


if __name__ == '__main__':
    main()
