// Script pieces shared by the kiosk's end-to-end tests (see docs/kiosk-automation.md): start a
// 住民票 visit, enter a PIN, fill the 住民票 review and submit, a whole 住民異動届 (転居) visit.
// Invented residents only (config/identities).
#pragma once

#include <string>

namespace kakanai::testsupport {

inline std::string pinSteps(const std::string& pin)
{
    std::string steps;
    for (char digit : pin) {
        steps += std::string("tap pin.") + digit + "\n";
    }
    return steps + "tap pin.ok\n";
}

inline const char* const START = "wait attract 10\ntap lang.ja\nwait choose\ntap form.juminhyo\n";

inline const char* const REVIEW_TO_DONE = R"(wait review 15
screenshot review
tap option.relationship.self
tap option.certificate_kind.juminhyo
tap option.scope.whole_household
tap option.purpose.pension
tap field.copies
tap num.2
tap edit.ok
tap field.requester_furigana
tap kana.シ
tap kana.ケ
tap kana.ン
tap edit.space
tap kana.ハ
tap kana.ナ
tap kana.コ
tap edit.ok
tap field.phone
type 0770-53-1111
tap edit.ok
tap action.next
wait confirm
screenshot confirm
tap action.submit
wait done 40
screenshot done
)";

/** The life event "moved in" answered "within town": one 住民異動届 (転居), up to the PIN. */
inline const char* const MOVING_START = R"(wait attract 10
tap lang.ja
wait choose
tap event.moved_in
wait questions
tap answer.from_other_town.no
tap answer.national_health_insurance.no
tap answer.has_children.no
tap answer.register_seal.no
tap action.next
)";

/** The 転居 review filled in (the card gives name, birth date, sex and the old address). */
inline const char* const MOVING_REVIEW_TO_DONE = R"(wait review 15
tap field.move_date
tap era.R
tap num.7
tap num.dot
tap num.4
tap num.dot
tap num.1
tap edit.ok
tap field.notifier_furigana
type シケン　ハナコ
tap edit.ok
tap field.phone
type 0770-53-1111
tap edit.ok
tap option.notifier_capacity.self
tap field.new_address
type 福井県小浜市大手町６番３号
tap edit.ok
tap field.new_head_name
type 試験　花子
tap edit.ok
tap option.relationship_to_head.head
tap option.nationality.japanese
tap field.honseki
type 福井県小浜市大手町１番地
tap edit.ok
tap field.hittousha
type 試験　太郎
tap edit.ok
tap action.next
wait confirm
screenshot confirm
tap action.submit
wait done 40
screenshot done
)";

} // namespace kakanai::testsupport
