// Every setting of /caidat, in menu order. A feature with settings of its own adds one line here.
import { commitmentSettings } from "../commitments/settings.ts";
import { digestHoursSetting, retentionSetting } from "../digests/settings.ts";
import { reminderSettings } from "../meetings/settings.ts";
import { noticeSetting } from "../notices.ts";
import type { SettingDef } from "../../engine/settings.ts";
import { timezoneSetting } from "./timezone.ts";

export const allSettings: SettingDef[] = [
  timezoneSetting, // múi giờ
  ...reminderSettings, // giờ yên tĩnh, nhắc thêm (số lần, khoảng cách)
  ...commitmentSettings, // số việc đăng ký, nhắc đăng ký trước hạn, mở tự đánh giá
  digestHoursSetting, // gửi báo cáo cho bí thư trước buổi sinh hoạt
  noticeSetting, // tin hằng ngày cho chi ủy về thay đổi của đảng viên
  retentionSetting, // thời gian lưu dữ liệu
];
