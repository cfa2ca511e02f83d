#!/usr/bin/env python3
"""Writes a deterministic benchmark corpus of health articles.

    bench/generate_corpus.py OUT_DIR [--articles N] [--seed S]
    bench/generate_corpus.py OUT_DIR --one-article BYTES [--seed S]


Half Markdown with front matter, half plain-text exports, 2 to 20 KB each,
with headings, paragraphs, lists and references. A known share carries the
faults the recommended rules catch; OUT_DIR/manifest.json records how many,
so a run can be checked as well as timed. The sentences are generic
templates written for this benchmark. --one-article writes instead one
Markdown article of about BYTES (OUT_DIR/article.md: the bodies of
generated articles under one front matter), to measure memory on a
single large file.
"""
import argparse
import json
import pathlib
import random

TOPICS = ["back pain", "headaches", "sore throat", "ankle sprains", "seasonal allergies", "heartburn",
          "insomnia", "eczema", "earaches", "constipation", "shin splints", "dry eyes", "acne", "gout"]
PROSE = [
    "Most cases of {t} improve with simple care at home over one to two weeks.",
    "Keeping a short diary of when {t} starts and what helps can guide your next visit.",
    "Regular activity, enough sleep and plenty of fluids support recovery from {t}.",
    "An over-the-counter pain reliever, taken as the label directs, can ease the discomfort of {t}.",
    "Your pharmacist can suggest products for {t} that suit your other medicines.",
    "Some people notice that {t} returns during stressful weeks or after poor sleep.",
    "Doctors diagnose {t} from your history and a short examination in most cases.",
    "Tests are rarely needed unless the symptoms of {t} are unusual or persistent.",
    "Children and older adults may describe {t} differently, so ask simple questions.",
    "Warm compresses, gentle stretching and rest are safe first steps for {t}.",
]
HEADINGS = ["What causes {t}?", "How is {t} treated?", "When should you see a doctor?", "Home care",
            "Preventing {t}", "Living with {t}"]
BULLETS = ["Rest for a day or two.", "Drink water through the day.", "Use a cold pack for 15 minutes.",
           "Avoid heavy lifting for a week.", "Keep a regular sleep schedule.", "Wear supportive shoes."]
RED_FLAG = "Chest pain that spreads to the arm or jaw can come with sweating and nausea."
ESCALATION = "Call 911 right away if you have chest pain that spreads to the arm or jaw."
RISKY = "If the stiffness lingers, you can safely crack your own back at home."
SAFE = "Do not try to crack your own back; see a physical therapist instead."


def article(rng, index, fmt, faults):
    topic = rng.choice(TOPICS)
    target = rng.randint(2_000, 20_000)
    sections = []
    size = 0
    while size < target:
        heading = rng.choice(HEADINGS).format(t=topic)
        paragraphs = [" ".join(rng.choice(PROSE).format(t=topic) for _ in range(rng.randint(2, 5)))
                      for _ in range(rng.randint(1, 3))]
        bullets = rng.sample(BULLETS, rng.randint(0, 4))
        sections.append((heading, paragraphs, bullets))
        size += len(heading) + sum(map(len, paragraphs)) + sum(map(len, bullets)) + 20
    body_extra = []
    if "red_flag" in faults:
        body_extra.append(RED_FLAG)
    elif rng.random() < 0.3:
        body_extra += [RED_FLAG, ESCALATION]
    body_extra.append(RISKY if "self_treatment" in faults else SAFE)
    sections[0][1].extend(body_extra)
    year = 2020 if "stale" in faults else 2026
    references = [] if "no_references" in faults else [
        f"Health Society. {topic.title()}: an overview. 2024.", f"Family Clinic. Managing {topic}. 2025."]
    title = f"{topic.title()}: a guide ({index})"
    if fmt == "md":
        lines = ["---", f'title: "{title}"', f'summary: "What helps with {topic}."', f"last_reviewed: {year}-03-14"]
        if references:
            lines.append("references:")
            lines += [f'  - "{r}"' for r in references]
        lines += ["---", "", f"# {title}", ""]
        for heading, paragraphs, bullets in sections:
            lines += [f"## {heading}", ""] + [p + "\n" for p in paragraphs] + [f"- {b}" for b in bullets] + [""]
    else:
        lines = [title, f"What helps with {topic}.", ""]
        for heading, paragraphs, bullets in sections:
            lines += [heading, ""] + [p + "\n" for p in paragraphs] + [f"  • {b}" for b in bullets] + [""]
        lines += ["10 Everyday Remedies See Slideshow", "", "Health Solutions From Our Sponsors", "",
                  f"Medically Reviewed on 03/14/{year}", "", "Image Source: Stock Photos", ""]
        lines += [r + "\n" for r in references]
    return "\n".join(lines) + "\n"


# Share of articles carrying each fault.
FAULT_SHARES = {"stale": 0.10, "no_references": 0.10, "red_flag": 0.05, "self_treatment": 0.05}


def draw_faults(rng):
    return {name for name, share in FAULT_SHARES.items() if rng.random() < share}


def one_article(rng, size, path):
    with path.open("w") as out:
        written = out.write(article(rng, 0, "md", set()))
        index = 1
        while written < size:
            body = article(rng, index, "md", draw_faults(rng)).split("\n---\n", 1)[1]
            written += out.write(body)
            index += 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--one-article", type=int, metavar="BYTES")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.one_article:
        one_article(rng, args.one_article, out / "article.md")
        return
    counts = dict.fromkeys(FAULT_SHARES, 0)
    total_bytes = 0
    for i in range(args.articles):
        faults = draw_faults(rng)
        for name in faults:
            counts[name] += 1
        fmt = "md" if i % 2 == 0 else "txt"
        text = article(rng, i, fmt, faults)
        path = out / f"{i // 1000:03d}" / f"article-{i:06d}.{fmt}"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text)
        total_bytes += len(text.encode())
    manifest = {"articles": args.articles, "bytes": total_bytes, "seed": args.seed, "faulty_articles": counts}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(json.dumps(manifest))


if __name__ == "__main__":
    main()
