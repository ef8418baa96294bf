// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "readinglimits.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace CtiFlow {

namespace {

constexpr qint64 kibi = 1024;
constexpr qint64 mebi = 1024 * 1024;
const QString decompressedKey = QStringLiteral("reading/maxDecompressedMiB");
const QString depthKey = QStringLiteral("reading/maxArchiveDepth");
const QString lineKey = QStringLiteral("reading/maxLineKiB");

// Sets out to the saved value times unit; leaves it (the default) when the value is missing or not a
// positive number in range.
template<typename T>
void readPositive(const QSettings &settings, const QString &key, qint64 maximum, qint64 unit, T &out)
{
    bool ok = false;
    const qint64 value = settings.value(key).toLongLong(&ok);
    if (ok && value > 0 && value <= maximum)
        out = T(value * unit);
}

constexpr int maxDecompressedMiB = 1024 * 1024; // 1 TiB
constexpr int maxDepth = 64;
constexpr int maxLineKiB = 1024 * 1024; // 1 GiB

} // namespace

LoadOptions savedReadingLimits()
{
    const QSettings settings;
    LoadOptions limits;
    readPositive(settings, decompressedKey, maxDecompressedMiB, mebi, limits.maxDecompressedBytes);
    readPositive(settings, depthKey, maxDepth, 1, limits.maxArchiveDepth);
    readPositive(settings, lineKey, maxLineKiB, kibi, limits.maxLineBytes);
    return limits;
}

void saveReadingLimits(const LoadOptions &limits)
{
    QSettings settings;
    settings.setValue(decompressedKey, limits.maxDecompressedBytes / mebi);
    settings.setValue(depthKey, limits.maxArchiveDepth);
    settings.setValue(lineKey, limits.maxLineBytes / kibi);
}

ReadingLimitsDialog::ReadingLimitsDialog(const LoadOptions &limits, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Reading Limits"));
    setMinimumWidth(460); // room for the explanation to read as a paragraph
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Bundles come from servers and laptops of unknown state. A file or archive that "
                                "goes past one of these limits is read up to it, and the Problems tab says so; "
                                "the rest of the bundle is read as usual."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    const auto box = [this](int maximum, const QString &suffix) {
        auto *spin = new QSpinBox(this);
        spin->setRange(1, maximum);
        spin->setSuffix(suffix);
        return spin;
    };
    m_decompressed = box(maxDecompressedMiB, tr(" MiB"));
    m_depth = box(maxDepth, tr(" levels"));
    m_line = box(maxLineKiB, tr(" KiB"));
    auto *form = new QFormLayout;
    form->addRow(tr("Decompressed size of a bundle:"), m_decompressed);
    form->addRow(tr("Archives nested in archives:"), m_depth);
    form->addRow(tr("Length of one trace line:"), m_line);
    layout->addLayout(form);
    auto *buttons =
        new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { showLimits(LoadOptions()); });
    layout->addWidget(buttons);
    showLimits(limits);
}

void ReadingLimitsDialog::showLimits(const LoadOptions &limits)
{
    m_decompressed->setValue(int(std::clamp<qint64>(limits.maxDecompressedBytes / mebi, 1, maxDecompressedMiB)));
    m_depth->setValue(std::clamp(limits.maxArchiveDepth, 1, maxDepth));
    m_line->setValue(int(std::clamp<qint64>(limits.maxLineBytes / kibi, 1, maxLineKiB)));
}

LoadOptions ReadingLimitsDialog::limits() const
{
    LoadOptions limits;
    limits.maxDecompressedBytes = qint64(m_decompressed->value()) * mebi;
    limits.maxArchiveDepth = m_depth->value();
    limits.maxLineBytes = qint64(m_line->value()) * kibi;
    return limits;
}

} // namespace CtiFlow
