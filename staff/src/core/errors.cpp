#include "state.hpp"

namespace kakanai::staff::detail {

namespace {

struct Message
{
    std::string_view id;
    std::string_view text;
};

// Japanese for counter staff; never personal data.
constexpr Message MESSAGES[] = {
    { "not-logged-in", "ログインしてください。" },
    { "no-record", "記録が開かれていません。" },
    { "read-only", "承認済の記録は閲覧と印刷のみです（修正・判定はできません）。" },
    { "unknown-field", "この様式にない項目です。" },
    { "bad-value", "この項目の形式に合わない値です。" },
    { "reason-required", "理由を入力してください。" },
    { "unreadable-record", "記録の内容を読み取れません。システム管理者に連絡してください。" },
    { "nothing-waiting", "待っている記録はありません。" },
    { "auth-failed", "ユーザーIDまたはパスワードが違います。" },
    { "locked", "アカウントがロックされています。管理者に連絡してください。" },
    { "forbidden", "この操作の権限がありません。" },
    { "not-owner", "ほかの職員が処理中の記録です。" },
    { "invalid-state", "この記録の状態ではその操作はできません。" },
    { "not-found", "記録が見つかりません。" },
    { "tampered", "記録が改ざんされている可能性があります。開けません。" },
    { "wrong-key", "暗号鍵が違います。システム管理者に連絡してください。" },
    { "key-missing", "暗号鍵がありません。システム管理者に連絡してください。" },
    { "busy", "データベースが混み合っています。もう一度お試しください。" },
    { "print-failed", "印刷できませんでした。プリンターを確認してください。" },
    { "io",
        "サーバーに接続できません（オフライン）。自動で再接続します。入力中の訂正は保存待ちとして"
        "残っています。" },
    { "print-busy", "印刷中です。終わるまでお待ちください。" },
    { "bad-day", "日付は YYYY-MM-DD の形で入力してください。" },
    { "export-folder", "出力先のフォルダーがないか、書き込めません。" },
    { "export-write",
        "出力ファイルを書き終えられませんでした。同じ日付からもう一度出力してください。" },
};

} // namespace

ConsoleError consoleError(std::string id)
{
    for (const auto& message : MESSAGES) {
        if (message.id == id) {
            return ConsoleError { std::move(id), std::string(message.text) };
        }
    }
    return ConsoleError { id, "エラーが発生しました（" + id + "）。" };
}

ConsoleError fromQueue(const queue::QueueError& error)
{
    return consoleError(queue::errorName(error.code));
}

ConsoleError queueFailure(StaffConsole::State& state, const queue::QueueError& error)
{
    if (error.code == queue::QueueErrorCode::Io) {
        state.offline = true;
    }
    return fromQueue(error);
}

} // namespace kakanai::staff::detail
