package io.convlist.store.peer;

import static io.convlist.store.table.Keys.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.convlist.domain.Marks;
import io.convlist.domain.list.SettingChange;
import io.convlist.store.item.SettingsFields;
import io.convlist.store.table.Av;
import io.convlist.store.table.Expr;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@link SettingChange} as DynamoDB writes it: clauses of an update of an existing settings item,
 * or the fields of a new one; and the copy of a settings state onto a conversation.
 */
public final class SettingWrites {
    private SettingWrites() {
    }

    /** The change's clauses. Marks are a set, so bits are added and removed without reading the others. */
    static Expr apply(Expr e, SettingChange change) {
        if (change instanceof SettingChange.ReceiveOpt r) {
            setOrRemove(e, RECV_OPT, r.opt() == 0 ? null : Av.n(r.opt()));
        } else if (change instanceof SettingChange.Mark m) {
            AttributeValue bits = AttributeValue.fromSs(Marks.bitValues(m.bits()));
            if (m.enable()) {
                e.add(MARKS, bits);
            } else {
                e.delete(MARKS, bits);
            }
        } else if (change instanceof SettingChange.CustomData c) {
            setOrRemove(e, CUSTOM_DATA, c.data().length == 0 ? null : AttributeValue.fromB(SdkBytes.fromByteArray(c.data())));
        } else if (change instanceof SettingChange.JoinGroup j) {
            e.add(GROUPS, AttributeValue.fromSs(List.of(j.groupId())));
        } else if (change instanceof SettingChange.LeaveGroup l) {
            e.delete(GROUPS, AttributeValue.fromSs(List.of(l.groupId())));
        }
        return e;
    }

    /** The change applied to a settings item being created. */
    static void apply(SettingsFields item, SettingChange change) {
        if (change instanceof SettingChange.ReceiveOpt r) {
            item.setRecvOpt(r.opt() == 0 ? null : r.opt());
        } else if (change instanceof SettingChange.Mark m) {
            Set<String> marks = new HashSet<>(item.getMarks() == null ? Set.of() : item.getMarks());
            List<String> bits = Marks.bitValues(m.bits());
            if (m.enable()) {
                marks.addAll(bits);
            } else {
                bits.forEach(marks::remove);
            }
            item.setMarks(marks.isEmpty() ? null : marks);
        } else if (change instanceof SettingChange.CustomData c) {
            item.setCustomData(c.data().length == 0 ? null : SdkBytes.fromByteArray(c.data()));
        } else if (change instanceof SettingChange.JoinGroup j) {
            Set<String> groups = new HashSet<>(item.getGroups() == null ? Set.of() : item.getGroups());
            groups.add(j.groupId());
            item.setGroups(groups);
        }
    }

    /** Replaces a conversation's copy of the settings with {@code state} (absent fields removed), and its version if it has one. */
    static Expr copy(Expr e, SettingsFields state) {
        setOrRemove(e, RECV_OPT, state.getRecvOpt() == null || state.getRecvOpt() == 0 ? null : Av.n(state.getRecvOpt()));
        setOrRemove(e, MARKS, empty(state.getMarks()) ? null : AttributeValue.fromSs(List.copyOf(state.getMarks())));
        setOrRemove(e, CUSTOM_DATA, state.getCustomData() == null ? null : AttributeValue.fromB(state.getCustomData()));
        setOrRemove(e, GROUPS, empty(state.getGroups()) ? null : AttributeValue.fromSs(List.copyOf(state.getGroups())));
        return state.getSettingsVer() == null ? e : e.set(SETTINGS_VER, Av.n(state.getSettingsVer()));
    }

    private static void setOrRemove(Expr e, String attribute, AttributeValue value) {
        if (value == null) {
            e.remove(attribute);
        } else {
            e.set(attribute, value);
        }
    }

    private static boolean empty(Set<String> set) {
        return set == null || set.isEmpty();
    }
}
