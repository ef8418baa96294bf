// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sdlhighlighter.h"

#include <QSet>
#include <QStyledItemDelegate>

namespace CtiFlow {

// Paints the record column with syntax colours and marks the selected step's evidence records.
class LogDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit LogDelegate(QObject *parent = nullptr);

    void setEvidence(QSet<qsizetype> records) { m_evidence = std::move(records); }
    bool isEvidence(qsizetype record) const { return m_evidence.contains(record); }
    void followPalette(const QPalette &palette);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    void paintRecord(QPainter *painter, const QStyleOptionViewItem &option, const QString &text) const;

    mutable SdlHighlighter m_highlighter;
    QSet<qsizetype> m_evidence;
    QColor m_evidenceColour;
};

} // namespace CtiFlow
