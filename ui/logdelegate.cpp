// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logdelegate.h"

#include "logmodel.h"

#include <QApplication>
#include <QPainter>

namespace CtiFlow {

LogDelegate::LogDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
    followPalette(QApplication::palette());
}

void LogDelegate::followPalette(const QPalette &palette)
{
    m_highlighter.followPalette(palette);
    const bool dark = palette.color(QPalette::Base).lightnessF() < 0.5;
    m_evidenceColour = dark ? QColor(0x5a, 0x4a, 0x10) : QColor(0xff, 0xf1, 0xb8);
}

void LogDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const bool evidence = isEvidence(index.data(LogModel::RecordIndexRole).value<qsizetype>());
    if (evidence && !(option.state & QStyle::State_Selected))
        painter->fillRect(option.rect, m_evidenceColour);
    if (index.column() != LogModel::RecordColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
    paintRecord(painter, option, index.data().toString());
}

void LogDelegate::paintRecord(QPainter *painter, const QStyleOptionViewItem &option, const QString &text) const
{
    QTextLayout layout(text, option.font);
    QList<QTextLayout::FormatRange> formats = m_highlighter.formats(text);
    if (option.state & QStyle::State_Selected) {
        // Selected rows keep the selection's text colour so that the text stays readable.
        for (QTextLayout::FormatRange &range : formats)
            range.format.clearForeground();
    }
    layout.setFormats(formats);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(textOption);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(1e6);
    layout.endLayout();

    painter->save();
    painter->setClipRect(option.rect);
    const QPalette::ColorRole role = option.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text;
    painter->setPen(option.palette.color(role));
    const qreal y = option.rect.top() + (option.rect.height() - line.height()) / 2;
    layout.draw(painter, QPointF(option.rect.left() + 4, y));
    painter->restore();
}

} // namespace CtiFlow
