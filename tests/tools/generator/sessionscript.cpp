// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionscript.h"

#include <QHash>

namespace CtiFlow::Gen {

namespace {

QByteArray num(qint64 value)
{
    return QByteArray::number(value);
}

// The three spellings of a CTI error code (domain notes section 5).
QByteArray codeText(quint32 code, int spelling)
{
    switch (spelling) {
    case 1:
        return QByteArray::number(code);
    case 2:
        return QByteArray::number(qint32(code));
    default:
        break;
    }
    return "0x" + QByteArray::number(code, 16);
}

} // namespace

quint32 expectedCode(const SessionSpec &spec)
{
    static const QHash<QString, quint32> codes{
        {QStringLiteral("directory-unavailable"), 0x8CCC005E},
        {QStringLiteral("not-cti-enabled"), 0x8CCC005F},
        {QStringLiteral("invalid-credentials"), 0x8CCC0060},
        {QStringLiteral("directory-login-timeout"), 0x8CCC0075},
        {QStringLiteral("cti-port-mismatch"), 0x8CCC00D1},
        {QStringLiteral("password-expired"), 0x8CCC011D},
        {QStringLiteral("account-locked"), 0x8CCC011F},
        {QStringLiteral("max-cti-connections"), 0x8CCC0047},
        {QStringLiteral("credential-decryption-failed"), 0x8CCC0060},
        {QStringLiteral("ldap-service-bind-failed"), 0x8CCC005E},
        {QStringLiteral("ldap-user-not-found"), 0x8CCC0060},
        {QStringLiteral("device-not-controllable"), 0x8CCC00D2},
        {QStringLiteral("line-not-controllable"), 0x8CCC00D3},
        {QStringLiteral("device-not-associated"), 0x8CCC0018},
        {QStringLiteral("device-already-opened"), 0x8CCC00A0},
        {QStringLiteral("device-shutting-down"), 0x8CCC009A},
    };
    if (spec.cause == QLatin1String("unknown-cti-error"))
        return spec.unknownCode;
    return codes.value(spec.cause, 0);
}

namespace {

bool isDeviceOpenCause(const QString &cause)
{
    return cause == QLatin1String("device-not-controllable") || cause == QLatin1String("device-not-associated") ||
           cause == QLatin1String("device-already-opened") || cause == QLatin1String("device-shutting-down");
}

// Writes the groups of one session. Each phase returns false when the session ends in it.
class Script
{
public:
    Script(const SessionSpec &spec, QRandomGenerator &random)
        : m_spec(spec)
        , m_random(random)
        , m_code(expectedCode(spec))
    {}

    QList<Group> run()
    {
        if (!m_spec.cutAtStart) {
            if (!providerOpen())
                return m_groups;
        }
        if (!loginCheck() || !userSettings() || !providerCompleted() || m_spec.cutAtEnd)
            return m_groups;
        if (!deviceOpen())
            return m_groups;
        lineOpen();
        return m_groups;
    }

private:
    QByteArray proc(QByteArrayView name, int instance = 1, int app = 200) const
    {
        return name.toByteArray() + '(' + num(m_spec.cucmNode) + ',' + num(app) + ',' +
               num(processType(m_spec.numbering, name)) + ',' + num(instance) + ')';
    }
    QByteArray handler() const { return proc("CTIHandler", m_spec.handler); }
    QByteArray connectionKey(char separator) const
    {
        return num(m_spec.cucmNode) + separator + "200" + separator +
               num(processType(m_spec.numbering, "SdlTCPConnection")) + separator + num(m_spec.connection);
    }
    QByteArray tag(bool withDevice = false)
    {
        ++m_counter;
        if (withDevice)
            return connectionKey(',') + '.' + num(m_counter) + '^' + m_spec.peerIp + '^' + m_spec.device;
        return connectionKey(',') + '.' + num(m_counter) + "^*^*";
    }
    QByteArray code(int spelling) const { return codeText(m_code, spelling); }
    QByteArray unknownOr(int spelling) const
    {
        return m_spec.cause == QLatin1String("unknown-cti-error") ? code(m_spec.codeSpelling) : code(spelling);
    }

    Group &group(qint64 delayMs, QByteArray name, QByteArray state, QByteArray destination, QByteArray source,
                 QByteArray parameters, QByteArray bracket = QByteArrayLiteral("[R:N-H:0,N:0,L:0,V:0,Z:0,D:0]"))
    {
        SignalSpec signal;
        signal.name = std::move(name);
        signal.state = std::move(state);
        signal.destination = std::move(destination);
        signal.source = std::move(source);
        signal.tag = tag(m_deviceInTag);
        signal.bracket = std::move(bracket);
        signal.parameters = std::move(parameters);
        m_groups.append({delayMs, signal, {}});
        return m_groups.last();
    }
    void info(QByteArray text) { m_groups.last().texts.append({QByteArrayLiteral("AppInfo"), std::move(text)}); }
    void error(QByteArray text) { m_groups.last().texts.append({QByteArrayLiteral("AppError"), std::move(text)}); }
    qint64 jitter(qint64 low, qint64 high) { return low + qint64(m_random.bounded(quint32(high - low + 1))); }

    // A client QBE message arriving: SdlDataInd on the socket, then the parsed message at CTIHandler.
    void incoming(qint64 delayMs, const QByteArray &state, const QByteArray &message)
    {
        group(delayMs, "SdlDataInd", "ready", proc("CtiManager"), proc("SdlTCPConnection", m_spec.connection), {},
              "*TraceFlagOverrode");
        info("CtiManager::ready_SdlDataInd(): ConnHandle=[" + connectionKey(':') + "] TCP message length=0x" +
             QByteArray::number(jitter(0x60, 0x140), 16));
        group(0, "CtiQbeGenericMessage", state, handler(), proc("CtiManager"), {}, "*TraceFlagOverrode");
        info("CQBEParser::ParseQbeMessage: PDU#=" + num(jitter(1, 60)));
        info("[CTI-APP] [CTIHandler::processIncomingMessage] CTI " + message);
    }
    void output(const QByteArray &message)
    {
        info("CTIHandler::OutputQbeMessage: TcpHand=[" + connectionKey(':') + "] qbeMsgSize=0x" +
             QByteArray::number(jitter(0x40, 0xa0), 16));
        info("[CTI-APP] [CTIHandler::OutputCtiMessage ] CTI " + message);
    }
    void completedFailure(const QByteArray &description)
    {
        output("ProviderOpenCompletedEvent (seq#=2) provider id=" + num(m_spec.providerId) +
               " error code=" + unknownOr(1) + " description=" + description);
        info("CtiProviderOpenFailure - CTI application failed to open provider; application startup failed "
             "CTIconnectionId:" +
             num(m_spec.handler) + " Login User Id:" + m_spec.login + " Reason code.:" + unknownOr(2) +
             " IPAddress:" + m_spec.peerIp +
             " IPv6Address: App ID:Cisco CTIManager Cluster ID:StandAloneCluster "
             "Node ID:cucm" +
             num(m_spec.cucmNode));
        closeProvider(4);
    }
    void closeProvider(int reason)
    {
        info("[CTI-APP] [CTIHandler::OutputCtiMessage ] CTI ProviderClosedEvent ( reason = " + num(reason) + " )");
    }

    bool providerOpen();
    bool loginCheck();
    void decryption();
    void policyDump();
    bool ldap();
    bool userSettings();
    bool providerCompleted();
    bool deviceOpen();
    void lineOpen();

    const SessionSpec &m_spec;
    QRandomGenerator &m_random;
    quint32 m_code = 0;
    QList<Group> m_groups;
    int m_counter = 1;
    bool m_deviceInTag = false;
};

bool Script::providerOpen()
{
    const QByteArray sso = m_spec.token ? QByteArrayLiteral("AuthType=1 RequestOldFetch=0 EncryptedSSODataSize=1184")
                                        : QByteArrayLiteral("AuthType=0 RequestOldFetch=0 EncryptedSSODataSize=0");
    incoming(0, "init_complete_await_provopen",
             "ProviderOpenRequest ( seq#=2 provider=UCProvider login=" + m_spec.login +
                 " heartbeat=60 timer=10 priority=0 lightWeightProviderOpen=0 " + sso + ")");
    if (m_spec.numbering == Numbering::V14) {
        info("CTIManager::CtiManager::providerOpenRequest(): PROVIDER_OPEN_REQUEST received -- Connection Id=" +
             num(m_spec.handler) + " TcpHandle=[" + connectionKey(':') + "] PeerIPAddr=" + m_spec.peerIp +
             " PeerPort=" + num(m_spec.peerPort) + " CtiHandler=[" + handler() + "] User name=" + m_spec.login);
    }
    if (m_spec.cause == QLatin1String("max-cti-connections")) {
        info("CtiMaxConnectionReached - The maximum number of CTI connections has been reached, no new connections "
             "will be accepted Maximum CTI Connections:800 Connection ID:" +
             num(m_spec.handler));
        completedFailure("Maximum number of CTI connections reached");
        return false;
    }
    group(jitter(0, 2), "CtiProviderOpenReq", "init_complete_await_provopen", handler(), handler(),
          "Async Response=2 ProviderName=UCProvider ClientVersion=UCProvider LoginId=" + m_spec.login +
              " ApplName=Jabber ServerHeartbeat=60 CMAssignedAppId=1234 PluginName=Cisco JTAPI "
              "LightWeightProviderOpen=0 Auth Style=" +
              QByteArray(m_spec.token ? "1" : "0") + " RequestOldFetch=0");
    info(m_spec.token ? QByteArrayLiteral("SSOTOKEN =eyJhbGciOiJSUzI1NiJ9") : QByteArrayLiteral("SSOTOKEN ="));
    output("ProviderOpenResponse (seq#=2) provider id=" + num(m_spec.providerId) + " FIPSMode = 0");
    group(jitter(40, 140), "CtiProceedWithAppLogin", "init_complete_await_auth", handler(), proc("CtiManager"), {},
          "[R:L-H:0,N:0,L:0,V:0,Z:0,D:0]");
    return true;
}

void Script::decryption()
{
    info("CtiLoginCheckReq:: authenticateByUserName");
    info("CCMAsymmetricEncryption::DecryptText Enter");
    info("CCMAsymmetricEncryption::DecryptText Exit");
    if (m_spec.cause == QLatin1String("credential-decryption-failed")) {
        info(" Decrypted Key Status failure - [0]");
        info("Nonce validation failed");
        return;
    }
    info(" Decrypted Key Status success - [52]");
    info("Nonce =" + QByteArray::number(m_random.generate(), 16) + "-d4e1-43bc-808f-f051f7c945d0");
    info("Nonce validation success");
    info(" CCMEncryption::DecryptText (Exit) (Success))");
    info(" Decrypted Password Status success - [8]");
}

void Script::policyDump()
{
    const bool locked = m_spec.cause == QLatin1String("account-locked");
    const bool expired = m_spec.cause == QLatin1String("password-expired");
    info("userType is: 1");
    info("timeOfLockout is: 0");
    info("timeHackedLockout is: " + QByteArray(locked ? "1772438400" : "0"));
    info("hackCount is: " + QByteArray(locked ? "5" : "0"));
    info("daysToExpiry is: 0");
    info("doesNotExpire is: " + QByteArray(expired ? "0" : "1"));
    info("useExpiryWarning is: 0");
    info("isInactive is: 0");
    info("userMustChange is: " + QByteArray(expired ? "1" : "0"));
    info("endUserStatus is: 1");
    info("imsInfo is: 1");
    info("lastSuccessfulLoginTime is: " + num(1455049675 + jitter(0, 9999999)));
}

bool Script::ldap()
{
    const QByteArray server = "ldap://10.10." + num(m_spec.cucmNode) + ".10:3268";
    const QByteArray dn = "CN=" + m_spec.login + ",OU=Users,DC=example,DC=net";
    info("authenticationDB::login ( Authenticating using LDAP )");
    info("authenticationLDAP.cpp::authenticateUserWithPassword():enter");
    info(" LDAP userid is '" + m_spec.login + "'");
    info("\nAfter Escaping for LDAP special Characters for Filter = " + m_spec.login);
    info("LDAP not initialized...connecting...");
    info("Authenticating with SSL not enabled ( " + server + " )");
    if (m_spec.cause == QLatin1String("directory-unavailable")) {
        info("LDAP initialize non-SSL Return Code (-1)");
        info("LDAP connect failed: Can't contact LDAP server ( " + server + " )");
        return false;
    }
    if (m_spec.cause == QLatin1String("directory-login-timeout")) {
        info("LDAP initialize non-SSL Return Code (0)");
        info("LDAP_OPT_NETWORK_TIMEOUT is set to 5 seconds");
        return false;
    }
    info("LDAP initialize non-SSL Return Code (0)");
    if (m_spec.cause == QLatin1String("ldap-service-bind-failed")) {
        info(" LDAP authentication bind FAILED for Administrator@example.net ( Invalid credentials )");
        info(" Authentication of LDAP administrator failed.");
        return false;
    }
    info(" LDAP authentication bind SUCCESS for Administrator@example.net");
    info("Connection # (0): sucessful");
    info("Available Servers (1)");
    info(" Authentication of LDAP administrator successful.");
    info("Retrieve the specified user entry: (&(&(objectclass=user)(!(objectclass=Computer)))( sAMAccountName=" +
         m_spec.login + " ))");
    info(" LDAP Search for User base: 'OU=Users,DC=example,DC=net'");
    info("LDAP Search complete. Code: 0");
    if (m_spec.cause == QLatin1String("ldap-user-not-found")) {
        info("LDAP Search returned no entries for user " + m_spec.login);
        return false;
    }
    info("Got DN: " + dn);
    info(" Attempt to authenticate DN: " + dn);
    if (m_spec.cause == QLatin1String("invalid-credentials")) {
        info(" LDAP authentication bind FAILED for " + dn + " ( Invalid credentials )");
        info("authenticationLDAP::authenticateUserWithPassword():Exit(49)");
        return false;
    }
    info(" LDAP authentication bind SUCCESS for " + dn);
    info("authenticationLDAP::authenticateUserWithPassword():Exit(0)");
    if (m_spec.numbering == Numbering::V14)
        info("AuthenticationImpl:: Authentication successful for User ID : " + m_spec.login);
    else
        info(" Successfully authenticated user: " + m_spec.login);
    return true;
}

bool Script::loginCheck()
{
    group(jitter(1, 4), "CtiLoginCheckReq", "ready", proc("Directory"), handler(),
          "Login=" + m_spec.login + " Seq#=2 Auth Style=" + QByteArray(m_spec.token ? "1" : "0") +
              " 3rd Party Certificate=0 mOcsp_url= mIssuerName= EncryptedSingleSignOnData Size=" +
              QByteArray(m_spec.token ? "1184" : "0"),
          "[T:N-H:0,N:0,L:0,V:0,Z:0,D:0]");
    decryption();
    bool ok = m_spec.cause != QLatin1String("credential-decryption-failed");
    if (ok) {
        info("AuthenticationImpl::login:enter");
        info(" userid is " + m_spec.login);
        policyDump();
        if (m_spec.cause == QLatin1String("account-locked") || m_spec.cause == QLatin1String("password-expired"))
            ok = false;
        else if (m_spec.token)
            info("AuthenticationImpl::login (Auth with SSO token. Calling authenticateUserWithToken)");
        else
            ok = ldap();
    }
    if (m_spec.cause == QLatin1String("directory-login-timeout")) {
        group(jitter(9500, 9900), "CtiLoginCheckTimeout", "authenticating", handler(), proc("SdlTimerService"), {});
        info("Directory login failed - timeout");
        completedFailure("Directory login failed - timeout");
        return false;
    }
    QByteArray result = "Seq#=2 result=Success LoginUserID= Expire days=4294967295";
    if (!ok) {
        static const QHash<QString, QByteArray> descriptions{
            {QStringLiteral("account-locked"), "Directory login failed - locked due to too many attempts."},
            {QStringLiteral("password-expired"), "Directory login failed - Password expired"},
            {QStringLiteral("directory-unavailable"), "Directory login failed - directory unavailable"},
            {QStringLiteral("ldap-service-bind-failed"), "Directory login failed - directory unavailable"},
        };
        const QByteArray description = descriptions.value(m_spec.cause, "Directory login failed");
        result = "Seq#=2 result=Failure ErrorCode=" + code(0) + " LoginUserID= Expire days=0";
        group(jitter(2, 60), "CtiLoginCheckRes", "authenticating", handler(), proc("Directory"), result);
        completedFailure(description);
        return false;
    }
    group(jitter(2, 60), "CtiLoginCheckRes", "authenticating", handler(), proc("Directory"), result);
    return true;
}

bool Script::userSettings()
{
    group(jitter(1, 3), "CtiUserSettingsReq", "ready", proc("CTIDbAccess"), handler(), "mUserId=" + m_spec.login,
          "[T:H-H:0,N:0,L:0,V:0,Z:0,D:0]");
    info("DbAccess:: ReadCtiUserSettingsReq");
    const bool disabled = m_spec.cause == QLatin1String("not-cti-enabled");
    group(jitter(0, 3), "CtiUserSettingsRes", "verifying", handler(), proc("CTIDbAccess"),
          "SuperProvider = Disabled CallParkRetrievalAllowed = Disabled ModifyCallingNumber = Disabled CTI Enabled = " +
              QByteArray(disabled ? "Disabled" : "Enabled") +
              " CallMonitor=Disabled CallRecord=Disabled Userid = " + m_spec.login + " result=0");
    const bool secure = m_spec.cause == QLatin1String("cti-port-mismatch");
    info("[CTI-INFO] [CTIHandler::verifying_CtiUserSettingsRes] mCtiUserSettings.mbSecurityEnabled=" +
         QByteArray(secure ? "1" : "0"));
    info("[CTI-INFO] [CTIHandler::verifying_CtiUserSettingsRes] mListenPort=2748");
    if (disabled) {
        info("Directory login failed - User not present in Standard CTI Users group.");
        completedFailure("Directory login failed - User not present in Standard CTI Users group.");
        return false;
    }
    if (secure) {
        completedFailure("Connection on invalid port");
        return false;
    }
    if (m_spec.cause == QLatin1String("unknown-cti-error") && m_spec.unknownCode == 0x8CCC00DA) {
        completedFailure("Database initialization error");
        return false;
    }
    info("[CTI-INFO] [CTIHandler::verifying_CtiUserSettingsRes] sent providerSubscriptionRegNotify for user " +
         m_spec.login);
    return true;
}

bool Script::providerCompleted()
{
    const bool none = m_spec.cause == QLatin1String("no-controlled-devices");
    const QByteArray count = none ? "0" : "1";
    group(jitter(5, 40), "CtiDeviceListWithDPFetchRes", "ready", handler(), proc("CTIDbAccess"),
          "NumDevices=" + count + " DeviceName=" + (none ? QByteArray() : m_spec.device));
    if (none)
        error("CTIHandler::ready_CtiDeviceListWithDPFetchRes no controllable devices numDevices=0");
    info("[CTI-INFO] [CTIHandler::GenerateQBEProviderOpenSuccess] totalControllableDevices = " + count);
    output("ProviderOpenCompletedEvent (seq#=2) provider id=" + num(m_spec.providerId) +
           " dscpForCTI2Apps =96 dscpForCTI2AppsTLS =96 NoOfDaysPwdToExp =4294967295 TotalControllableDevices =" +
           count + " ClusterId =StandAloneCluster");
    return !none;
}

bool Script::deviceOpen()
{
    incoming(jitter(80, 250), "ready",
             "DeviceOpenRequest ( seq#=4 device name= " + m_spec.device + " softkeys AppID=1234)");
    m_deviceInTag = true;
    group(jitter(0, 2), "CtiDeviceOpenDeviceReq", "ready", handler(), handler(),
          "AsyncResponse=4 DH=0|0 Name= " + m_spec.device + " Type=0 AppLoginUserId=" + m_spec.login +
              " ProviderIds are " + num(m_spec.providerId) + ", IsCTIConnectionTLS = F");
    const bool fails = isDeviceOpenCause(m_spec.cause) ||
                       (m_spec.cause == QLatin1String("unknown-cti-error") && m_spec.unknownCode != 0x8CCC00DA);
    if (fails) {
        error("DeviceThirdParty::isDeviceOpenValid device=" + m_spec.device + " error=" + unknownOr(0));
        group(jitter(2, 8), "CtiDeviceOpenDeviceRes", "ready", handler(), proc("CTIDeviceLineMgr"),
              "mAsyncResponse = 4 DH=0|0 Name= " + m_spec.device + " mOpenResult=" + unknownOr(0));
        output("FailureResponse ( seq#=4 result=" + unknownOr(1) + " description=)");
        info("CtiDeviceOpenFailure - Device Open failed Device Name:" + m_spec.device +
             " CTI Connection Id:" + num(m_spec.handler) + " ReasonCode:" + unknownOr(2) + " App ID:Cisco CTIManager");
        return false;
    }
    const QByteArray dh = "1|" + num(jitter(10, 999));
    group(jitter(2, 8), "CtiDeviceOpenDeviceRes", "ready", handler(), proc("CTIDeviceLineMgr"),
          "mAsyncResponse = 4 DH=" + dh + " Name= " + m_spec.device + " Type=7 mOpenResult=0x0 mEncodingType=3");
    output("DeviceOpenResponse ( seq#=4 result=0 DH=" + dh + " deviceName= " + m_spec.device +
           " deviceType=7 deviceRestricted=0 Rollover=0)");
    info(" DeviceOpenActivity (): activity: 1, connID: " + num(m_spec.handler) + ", deviceName: " + m_spec.device +
         " , appID: " + m_spec.login + '-' + m_spec.peerIp + '-' + num(m_spec.peerPort) + ", reason: 0");
    info("[CTI-APP] [CTIHandler::OutputCtiMessage ] CTI DeviceInServiceEvent ( DH=" + dh +
         " ) Encoding Type=3 Device locale=1 DNDStatus=0)");
    return true;
}

void Script::lineOpen()
{
    incoming(jitter(20, 120), "ready", "LineOpenRequest ( seq#=5 DH=1|38 lineName=" + num(jitter(1000, 9999)) + ")");
    const QByteArray lh = "1|" + num(jitter(100, 999));
    group(jitter(2, 10), "CtiLineOpenLineRes", "ready", proc("CTIDeviceLineMgr"), proc("CTIRegistrar", 1, 100), {},
          "[R:N-H:0,N:0,L:0,V:0,Z:0,D:0]");
    m_groups.last().signal->type = "SdlSig-I";
    if (m_spec.cause == QLatin1String("line-not-controllable")) {
        m_groups.last().signal->parameters = "LH=" + lh + " Result=" + code(0);
        error("LineOpen failed. Removing Line.");
        info("CtiLineOpenFailure - Unable to open the line CTI Connection Id:1 Reason:" + code(2));
        info("[CTI-APP] [CTIHandler::OutputCtiMessage ] CTI LineClosedEvent ( LH=" + lh + " reason=8 )");
        return;
    }
    m_groups.last().signal->parameters = "LH=" + lh + " Result=0x0";
    output("LineOpenResponse ( seq#=5 result=0 LH=" + lh + " )");
}

} // namespace

int processType(Numbering numbering, QByteArrayView process)
{
    struct Types
    {
        const char *name;
        int v105;
        int v14;
    };
    static constexpr Types types[] = {
        {"CTIHandler", 22, 12},    {"CtiManager", 21, 11},       {"Directory", 23, 13},
        {"CTIDbAccess", 26, 8},    {"CTIDeviceLineMgr", 25, 9},  {"CTIDeviceRegManager", 24, 10},
        {"SdlTimerService", 3, 3}, {"SdlTCPConnection", 13, 21}, {"RisCTIManagerAccess", 27, 14},
        {"CTIRegistrar", 237, 26}, {"StationD", 63, 63},
    };
    for (const Types &t : types) {
        if (process == QByteArrayView(t.name))
            return numbering == Numbering::V105 ? t.v105 : t.v14;
    }
    return 30;
}

QString SessionSpec::outcome() const
{
    if (cutAtEnd)
        return QStringLiteral("incomplete");
    return cause.isEmpty() ? QStringLiteral("succeeded") : QStringLiteral("failed");
}

QStringList generatedCauses()
{
    return {QStringLiteral("directory-unavailable"),
            QStringLiteral("not-cti-enabled"),
            QStringLiteral("invalid-credentials"),
            QStringLiteral("directory-login-timeout"),
            QStringLiteral("cti-port-mismatch"),
            QStringLiteral("password-expired"),
            QStringLiteral("account-locked"),
            QStringLiteral("max-cti-connections"),
            QStringLiteral("credential-decryption-failed"),
            QStringLiteral("ldap-service-bind-failed"),
            QStringLiteral("ldap-user-not-found"),
            QStringLiteral("no-controlled-devices"),
            QStringLiteral("device-not-controllable"),
            QStringLiteral("line-not-controllable"),
            QStringLiteral("device-not-associated"),
            QStringLiteral("device-already-opened"),
            QStringLiteral("device-shutting-down"),
            QStringLiteral("unknown-cti-error"),
            QStringLiteral("flow-stopped")};
}

QList<Group> planSession(const SessionSpec &spec, QRandomGenerator &random)
{
    if (spec.cause != QLatin1String("flow-stopped")) {
        Script script(spec, random);
        return script.run();
    }
    // The flow stops with no failure line: a successful script cut before the device open response.
    SessionSpec success = spec;
    success.cause.clear();
    Script script(success, random);
    QList<Group> groups = script.run();
    qsizetype end = 0;
    while (end < groups.size() && !(groups[end].signal && groups[end].signal->name == "CtiDeviceOpenDeviceRes"))
        ++end;
    // At least the provider open request, so that there is a session to find.
    groups.resize(2 + qsizetype(random.bounded(quint32(std::max<qsizetype>(end - 2, 1)))));
    return groups;
}

} // namespace CtiFlow::Gen
