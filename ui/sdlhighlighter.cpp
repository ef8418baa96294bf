// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sdlhighlighter.h"

#include "uilogging.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>

namespace CtiFlow {

SdlHighlighter::SdlHighlighter()
{
    // The definition is compiled into the resources as :/ctiflow/syntax/cucm-sdl.xml.
    m_repository.addCustomSearchPath(QStringLiteral(":/ctiflow"));
    const KSyntaxHighlighting::Definition definition = m_repository.definitionForName(definitionName());
    if (!definition.isValid())
        qCWarning(lcUi) << "the syntax definition" << definitionName() << "is not in the resources";
    setDefinition(definition);
    setTheme(m_repository.defaultTheme(KSyntaxHighlighting::Repository::LightTheme));
}

void SdlHighlighter::followPalette(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightnessF() < 0.5;
    setTheme(m_repository.defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                            : KSyntaxHighlighting::Repository::LightTheme));
}

QList<QTextLayout::FormatRange> SdlHighlighter::formats(const QString &line)
{
    m_ranges.clear();
    highlightLine(line, KSyntaxHighlighting::State());
    return m_ranges;
}

void SdlHighlighter::applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format)
{
    if (format.isDefaultTextStyle(theme()) || length <= 0)
        return;
    QTextCharFormat charFormat;
    if (format.hasTextColor(theme()))
        charFormat.setForeground(format.textColor(theme()));
    if (format.isBold(theme()))
        charFormat.setFontWeight(QFont::Bold);
    if (format.isItalic(theme()))
        charFormat.setFontItalic(true);
    m_ranges.append({offset, length, charFormat});
}

} // namespace CtiFlow
