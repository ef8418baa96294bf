// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace CtiFlow {

struct ExportRequest;
class Redactor;
struct Session;
class TraceStore;

// The diagram as SVG, drawn by the screen's layout and painter.
QByteArray renderSvg(const Session &session, const TraceStore *store, const ExportRequest &request);

// A self-contained HTML page: the SVG inline, each arrow a link to its evidence lines below it.
QString htmlReport(const Session &session, const TraceStore *store, const ExportRequest &request, Redactor &redactor);

} // namespace CtiFlow
