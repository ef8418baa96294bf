// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "traceloader.h"

#include <QDialog>

class QSpinBox;

namespace CtiFlow {

// The limits on what a bundle may make the loader do (decompressed size, archive nesting, line length),
// kept in the settings; defaults where nothing was saved.
LoadOptions savedReadingLimits();
void saveReadingLimits(const LoadOptions &limits);

// Edits the reading limits: a bundle that hits one is read up to it, with a problem entry saying so.
class ReadingLimitsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ReadingLimitsDialog(const LoadOptions &limits, QWidget *parent = nullptr);

    LoadOptions limits() const;
    QSpinBox *decompressedBox() const { return m_decompressed; }
    QSpinBox *depthBox() const { return m_depth; }
    QSpinBox *lineBox() const { return m_line; }

private:
    void showLimits(const LoadOptions &limits);

    QSpinBox *m_decompressed = nullptr; // MiB
    QSpinBox *m_depth = nullptr;        // levels
    QSpinBox *m_line = nullptr;         // KiB
};

} // namespace CtiFlow
