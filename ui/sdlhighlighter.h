// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Repository>

#include <QList>
#include <QPalette>
#include <QTextLayout>

namespace CtiFlow {

// Colours one trace line at a time with the "CUCM SDL Trace" definition shipped in the resources
// and the repository's light or dark theme. Each record line is highlighted on its own: records do
// not carry state from one line to the next.
class SdlHighlighter : public KSyntaxHighlighting::AbstractHighlighter
{
public:
    SdlHighlighter();

    static QString definitionName() { return QStringLiteral("CUCM SDL Trace"); }
    bool isValid() const { return definition().isValid(); }

    // Picks the repository's dark or light default theme for the palette.
    void followPalette(const QPalette &palette);

    QList<QTextLayout::FormatRange> formats(const QString &line);

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override;

private:
    KSyntaxHighlighting::Repository m_repository;
    QList<QTextLayout::FormatRange> m_ranges;
};

} // namespace CtiFlow
