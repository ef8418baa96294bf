// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientlog.h"

#include "ctierror.h"

namespace CtiFlow {

QList<ClientError> clientErrors(QByteArrayView text)
{
    QList<ClientError> errors;
    qint64 line = 0;
    for (qsizetype pos = 0; pos < text.size();) {
        qsizetype end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.size();
        ++line;
        if (const std::optional<quint32> code = findCtiErrorCode(text.sliced(pos, end - pos))) {
            const auto it =
                std::find_if(errors.begin(), errors.end(), [&code](const ClientError &e) { return e.code == *code; });
            if (it == errors.end())
                errors.append({*code, line, 1});
            else
                ++it->count;
        }
        pos = end + 1;
    }
    return errors;
}

} // namespace CtiFlow
